/**
 * The documents the measures issue (issue 15): the exit restriction's decision and the notice to the exit-entry
 * authority, its lifting, the reward notice, the bankruptcy referral decision. Each keyed by the document id the
 * measure's event reserved, with the act's own fields (the case's are added by caseFields).
 */
import type { EnforcementCase } from '../case/model.ts';
import type { MeasureEvent } from '../measures/events.ts';
import { EXIT_LIFT_LABELS, EXIT_ROLE_LABELS } from '../measures/exit-ban.ts';
import type { ExitBan, RewardNotice } from '../measures/model.ts';
import { REWARD_METHOD_LABELS } from '../measures/reward.ts';
import { fen } from '../money.ts';
import { amountText } from './numerals.ts';
import type { DocumentKind } from './templates.ts';

export interface MeasureDocument {
  readonly kind: DocumentKind;
  readonly act: string;
  readonly fields: Record<string, string>;
}

function partyName(state: EnforcementCase, partyId: string): string {
  return [...state.applicants, ...state.respondents].find((p) => p.partyId === partyId)?.name ?? partyId;
}

/** The persons a restriction binds, as the documents name them: 被执行人某某, 某公司的法定代表人. */
function persons(state: EnforcementCase, ban: ExitBan): string {
  return ban.persons
    .map((p) =>
      p.role === 'respondent'
        ? `被执行人${partyName(state, p.partyId)}`
        : `${partyName(state, p.partyId)}的${EXIT_ROLE_LABELS[p.role]}`,
    )
    .join('、');
}

function rewardTerms(reward: RewardNotice): string {
  const how =
    reward.method === 'fixed'
      ? amountText(reward.amountFen ?? fen(0))
      : `执行到位金额的百分之${(reward.shareBasisPoints ?? 0) / 100}`;
  return `${REWARD_METHOD_LABELS[reward.method]}${how}，最高不超过${amountText(reward.capFen)}`;
}

type DocumentEvent = Extract<
  MeasureEvent,
  { type: 'exit-ban-decided' | 'exit-ban-lifted' | 'reward-published' | 'bankruptcy-decided' }
>;

export function measureDocuments(state: EnforcementCase, event: DocumentEvent): MeasureDocument[] {
  const m = state.measures;
  if (event.type === 'exit-ban-decided') {
    const ban = m?.exitBan;
    if (event.decision !== 'approved' || !event.docId || !ban) return [];
    const origin =
      ban.origin === 'application' ? `申请执行人${partyName(state, ban.applicantId ?? '')}书面申请` : '本院依职权';
    const named = persons(state, ban);
    return [
      { kind: 'exit-ban-decision', act: event.docId, fields: { persons: named, origin } },
      {
        kind: 'exit-ban-assistance',
        act: event.docId,
        fields: { persons: named, exitAuthority: '公安机关出入境管理机构' },
      },
    ];
  }
  if (event.type === 'exit-ban-lifted') {
    const ban = m?.exitBan;
    if (!ban) return [];
    return [
      {
        kind: 'exit-ban-lift',
        act: event.docId,
        fields: { persons: persons(state, ban), liftReason: EXIT_LIFT_LABELS[event.reason] },
      },
    ];
  }
  if (event.type === 'reward-published') {
    const reward = m?.reward;
    if (!reward) return [];
    return [{ kind: 'reward-notice', act: event.docId, fields: { rewardTerms: rewardTerms(reward) } }];
  }
  const referral = m?.bankruptcy;
  if (event.decision !== 'approved' || !event.docId || !referral) return [];
  const insolvency = referral.insolvency.replace(/[。；;，,]+$/, '');
  return [
    {
      kind: 'bankruptcy-referral-decision',
      act: event.docId,
      fields: {
        insolvency: `不能清偿到期债务（${insolvency}）`,
        consent: referral.consentBy === 'applicant' ? '申请执行人' : '被执行人',
        toCourt: referral.toCourt.name,
      },
    },
  ];
}
