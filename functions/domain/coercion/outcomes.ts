/**
 * What an outside party's answer (or its silence) means in the coercion phase: the facts it puts on the case and
 * what the command center must hear. Silence past a legal deadline is a fact too: a missed D2 answer opens the
 * applicant's private-prosecution path (D4), a family not told within 24 hours is an overdue node (C3).
 */

import type { LegalCalendar } from '../calendar/legal-calendar.ts';
import { chinaDateOf, type Instant } from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { EnforcementCase, Publication } from '../case/model.ts';
import { meetNode, timeNode } from '../case/nodes.ts';
import { derivedId } from '../ids.ts';
import type { Rules } from '../rules/table.ts';
import { CREDIT_RECIPIENTS, publicationRounds, releaseOn, removalStillDue } from './plan.ts';

export type CoercionAnswer =
  | { readonly kind: 'credit-publish'; readonly what: Publication; readonly acknowledged: readonly string[] }
  | { readonly kind: 'sanction-service'; readonly delivered: boolean }
  | { readonly kind: 'custody'; readonly confirmed: boolean }
  | { readonly kind: 'family-notice'; readonly notified: boolean }
  | { readonly kind: 'review-request'; readonly requested: boolean }
  | { readonly kind: 'review-decision'; readonly outcome: 'upheld' | 'revoked' | 'undecided' }
  | { readonly kind: 'detention-term'; readonly early: boolean }
  | {
      readonly kind: 'police-referral';
      readonly outcome: 'opened' | 'complex' | 'refused' | 'silent';
      readonly reasons?: string;
    }
  | {
      readonly kind: 'procuratorate';
      readonly outcome: 'explanation-requested' | 'ordered' | 'opened' | 'refusal-upheld' | 'silent';
      readonly reasons?: string;
    }
  | { readonly kind: 'performance-watch'; readonly woken: boolean };

export interface CoercionOutcome {
  readonly events: readonly CaseEvent[];
  readonly alerts: readonly string[];
}

const PUBLICATION_LABELS: Record<Publication, string> = {
  restriction: '限制消费令',
  listing: '失信名单',
  'restriction-lifted': '解除限制消费',
  'listing-removed': '删除失信信息',
};

export function recordCoercionAnswer(
  state: EnforcementCase,
  answer: CoercionAnswer,
  rules: Rules,
  now: Instant,
  calendar: LegalCalendar,
): CoercionOutcome {
  const sanction = state.coercion?.sanction;
  switch (answer.kind) {
    case 'credit-publish': {
      const before = state.coercion?.published[answer.what];
      const all = [...new Set([...(before?.acknowledged ?? []), ...answer.acknowledged])];
      const missing = CREDIT_RECIPIENTS.map((r) => r.id).filter((id) => !all.includes(id));
      const events: CaseEvent[] = [
        { type: 'credit-published', what: answer.what, acknowledged: answer.acknowledged, missing },
      ];
      const removal = answer.what === 'listing-removed';
      if (missing.length === 0 && removal) events.push(...meetNode(state, 'listing-removal', now));
      const rounds = (before?.rounds ?? 0) + 1;
      const lastRound = rounds >= publicationRounds(answer.what, rules) || (removal && !removalStillDue(state, now));
      if (missing.length === 0 || !lastRound) return { events, alerts: [] };
      const names = CREDIT_RECIPIENTS.filter((r) => missing.includes(r.id)).map((r) => r.name);
      if (!removal) {
        const alert = `${PUBLICATION_LABELS[answer.what]}未获${missing.length}家联合惩戒单位确认，已重发${rules.P_COERCION_WAITS.creditRounds}次`;
        return { events, alerts: [alert] };
      }
      // C6: the removal is a duty with a deadline. Given up unconfirmed, its node is overdue (so the case does not
      // close with it open), and the command center is told whom to chase.
      const node = state.nodes['listing-removal'];
      if (node?.status === 'open') events.push({ type: 'node-overdue', node: 'listing-removal', at: now });
      const alert = `删除失信信息未获${names.join('、')}确认（已发送${rounds}次），应于${node?.dueDate ?? ''}前删除（C6），请指挥中心督促其删除`;
      return { events, alerts: [alert] };
    }
    case 'sanction-service': {
      if (!sanction) return { events: [], alerts: [] };
      const docId = derivedId('d', state.caseId, sanction.kind, sanction.respondentId);
      const alerts = answer.delivered ? [] : ['决定书电子送达未获回执，由执行干警直接送达'];
      return { events: [{ type: 'sanction-served', docId }], alerts };
    }
    case 'custody': {
      // C2: the days are served in the police's custody, so the term runs from custody, not from service.
      const release =
        answer.confirmed && sanction?.kind === 'detention'
          ? { releaseOn: releaseOn(now, sanction.approvedDays ?? 1) }
          : {};
      const events: CaseEvent[] = [{ type: 'detainee-in-custody', confirmed: answer.confirmed, ...release }];
      if (answer.confirmed) {
        const dueAt = new Date(Date.parse(now) + rules.C3.familyNoticeHours * 3_600_000).toISOString();
        const node = {
          node: 'family-notice' as const,
          ruleId: rules.C3.id,
          startedOn: chinaDateOf(now),
          dueDate: chinaDateOf(dueAt),
        };
        events.push({ type: 'node-set', node: { ...node, dueAt, unconfirmedYears: [], status: 'open' } });
      }
      return { events, alerts: answer.confirmed ? [] : ['公安机关未确认收押被拘留人'] };
    }
    case 'family-notice': {
      const events: CaseEvent[] = [{ type: 'detainee-family-notified', onTime: answer.notified }];
      if (answer.notified) events.push(...meetNode(state, 'family-notice', now));
      else if (state.nodes['family-notice']?.status === 'open')
        events.push({ type: 'node-overdue', node: 'family-notice', at: now });
      return {
        events,
        alerts: answer.notified ? [] : [`未能在${rules.C3.familyNoticeHours}小时内通知被拘留人家属（C3）`],
      };
    }
    case 'review-request':
      return {
        events: [{ type: 'sanction-review', outcome: answer.requested ? 'requested' : 'not-requested' }],
        alerts: [],
      };
    case 'review-decision': {
      const events: CaseEvent[] = [{ type: 'sanction-review', outcome: answer.outcome }];
      if (answer.outcome === 'revoked' && sanction?.status === 'in-custody')
        events.push({ type: 'detainee-released', early: true });
      const alerts = answer.outcome === 'undecided' ? ['上一级法院未在复议期限内作出决定（C3），措施继续执行'] : [];
      return { events, alerts };
    }
    case 'detention-term':
      return { events: [{ type: 'detainee-released', early: answer.early }], alerts: [] };
    case 'police-referral':
      return state.coercion?.referral?.status === 'ordered-to-open'
        ? policeOpening(state, answer, now)
        : policeAnswer(state, answer, rules, now);
    case 'procuratorate':
      return state.coercion?.referral?.status === 'police-explaining'
        ? supervisionDecision(state, answer, rules, calendar, now)
        : supervisionNotice(answer, rules, calendar, now);
    case 'performance-watch':
      // Woken early (money, new conduct): the plan looks again, and watches again if nothing is left to do.
      return { events: answer.woken ? [{ type: 'watch-woken' }] : [], alerts: [] };
  }
}

type PoliceAnswer = Extract<CoercionAnswer, { kind: 'police-referral' }>;
type ProcuratorateAnswer = Extract<CoercionAnswer, { kind: 'procuratorate' }>;

const PRIVATE_PROSECUTION = '告知申请执行人可以提起自诉（D4，法〔2018〕147号）';

/** D2, D4: the police's answer to the referral; their silence opens private prosecution only after 60 days. */
function policeAnswer(state: EnforcementCase, answer: PoliceAnswer, rules: Rules, now: Instant): CoercionOutcome {
  if (answer.outcome === 'silent') {
    return {
      events: [
        { type: 'referral-answered', by: 'police', outcome: 'silent' },
        ...(state.nodes['referral-answer']?.status === 'open'
          ? [{ type: 'node-overdue', node: 'referral-answer', at: now } as const]
          : []),
        {
          type: 'private-prosecution-notified',
          reason: `公安机关移送后${rules.D4.noAnswer.days}日内未书面答复是否立案（D2、D4），${PRIVATE_PROSECUTION}`,
        },
      ],
      alerts: [`公安机关移送后${rules.D4.noAnswer.days}日内未书面答复拒执罪移送，已告知申请执行人自诉途径`],
    };
  }
  const events: CaseEvent[] = [
    {
      type: 'referral-answered',
      by: 'police',
      outcome: answer.outcome,
      ...(answer.reasons ? { reasons: answer.reasons } : {}),
    },
  ];
  if (answer.outcome !== 'complex') events.push(...meetNode(state, 'referral-answer', now));
  // 法〔2018〕147号 第二条: a decision not to open the case opens 自诉 at once; the court asks for supervision beside it.
  if (answer.outcome === 'refused')
    events.push({
      type: 'private-prosecution-notified',
      reason: `公安机关决定不予立案（D2、D4），${PRIVATE_PROSECUTION}；本院同时提请检察机关立案监督（D3）`,
      beside: 'supervision',
    });
  return { events, alerts: [] };
}

/** D3: ordered by the procuratorate, the police open the case (its own event) within 15 days, or the node is overdue. */
function policeOpening(state: EnforcementCase, answer: PoliceAnswer, now: Instant): CoercionOutcome {
  if (answer.outcome === 'opened') {
    return {
      events: [
        { type: 'referral-answered', by: 'police', outcome: 'opened' },
        ...meetNode(state, 'supervision-open', now),
      ],
      alerts: [],
    };
  }
  return {
    events: [
      { type: 'referral-answered', by: 'police', outcome: 'silent' },
      { type: 'node-overdue', node: 'supervision-open', at: now },
      { type: 'private-prosecution-notified', reason: `公安机关未依检察机关通知立案（D3），${PRIVATE_PROSECUTION}` },
    ],
    alerts: ['公安机关未在检察机关通知立案后15日内立案（D3），已告知申请执行人自诉途径'],
  };
}

/** D3, first answer: the procuratorate's notice to the police to explain, from which their 7 days run. */
function supervisionNotice(
  answer: ProcuratorateAnswer,
  rules: Rules,
  calendar: LegalCalendar,
  now: Instant,
): CoercionOutcome {
  if (answer.outcome === 'explanation-requested' || answer.outcome === 'ordered' || answer.outcome === 'opened') {
    const node = timeNode('supervision-explain', rules.D3.id, rules.D3.explain, now, calendar);
    return {
      events: [
        { type: 'referral-answered', by: 'procuratorate', outcome: 'explanation-requested' },
        { type: 'node-set', node },
      ],
      alerts: [],
    };
  }
  return supervisionEnded(answer);
}

/** D3, second answer: the police explained; the procuratorate orders the case opened (15 days) or upholds the refusal. */
function supervisionDecision(
  state: EnforcementCase,
  answer: ProcuratorateAnswer,
  rules: Rules,
  calendar: LegalCalendar,
  now: Instant,
): CoercionOutcome {
  if (answer.outcome === 'silent') {
    return {
      events: [{ type: 'node-overdue', node: 'supervision-explain', at: now }, ...supervisionEnded(answer).events],
      alerts: ['公安机关未在检察机关通知后7日内书面说明不立案理由（D3），已告知申请执行人自诉途径'],
    };
  }
  const met = meetNode(state, 'supervision-explain', now);
  if (answer.outcome === 'refusal-upheld') return { events: [...met, ...supervisionEnded(answer).events], alerts: [] };
  return {
    events: [
      ...met,
      { type: 'referral-answered', by: 'procuratorate', outcome: 'supervision-ordered' },
      { type: 'node-set', node: timeNode('supervision-open', rules.D3.id, rules.D3.openWhenOrdered, now, calendar) },
    ],
    alerts: [],
  };
}

/** The procuratorate found the refusal sound, or did not answer: the applicant may prosecute privately (D4). */
function supervisionEnded(answer: ProcuratorateAnswer): CoercionOutcome {
  const silent = answer.outcome === 'silent';
  const reason = silent
    ? `检察机关未在期限内答复立案监督（D3），${PRIVATE_PROSECUTION}`
    : `检察机关认为公安机关不立案理由成立（D3），${PRIVATE_PROSECUTION}`;
  return {
    events: [
      {
        type: 'referral-answered',
        by: 'procuratorate',
        outcome: silent ? 'silent' : 'refusal-upheld',
        ...(answer.reasons ? { reasons: answer.reasons } : {}),
      },
      { type: 'private-prosecution-notified', reason },
    ],
    alerts: silent ? ['检察机关逾期未答复立案监督，已告知申请执行人自诉途径'] : [],
  };
}
