/**
 * Which disputes' acts call for a document (dispute-templates.ts), with the act's fields. The journal is read in
 * order: the filing, proposal, application or plan an act refers to is remembered as it passes (`watch`), so each
 * document states what was before the court when it acted, not what the case holds later. Pure.
 */
import type { Instant } from '../calendar/local-date.ts';
import { chinaDateOf } from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { Asset, EnforcementCase } from '../case/model.ts';
import type { DistributionCreditor } from '../disputes/distribution-state.ts';
import { ACT_LABELS, CASE_ACTS, OBJECTOR_LABELS } from '../disputes/objection-model.ts';
import { GROUND_LABELS } from '../disputes/suspension.ts';
import type { Rules } from '../rules/table.ts';
import type { DisputeDocumentKind } from './dispute-templates.ts';
import { amountText, chineseDate } from './numerals.ts';

export interface DisputeDocument {
  readonly kind: DisputeDocumentKind;
  readonly act: string;
  readonly fields: Record<string, string>;
}

type Filed = Extract<CaseEvent, { type: 'objection-filed' }>;
type Proposed = Extract<CaseEvent, { type: 'suspension-proposed' }>;
type Applied = Extract<CaseEvent, { type: 'party-change-applied' }>;
type Planned = Extract<CaseEvent, { type: 'distribution-planned' }>;
type ReliefApplied = Extract<CaseEvent, { type: 'relief-applied' }>;
type LimitationRaised = Extract<CaseEvent, { type: 'limitation-objection-raised' }>;

const CLASS_WORDS: Readonly<Record<Asset['class'], string>> = {
  deposit: '银行账户',
  'online-funds': '网络资金账户',
  'real-estate': '不动产',
  vehicle: '机动车',
  securities: '证券',
};

function assetWords(state: EnforcementCase, assetId: string): string | undefined {
  const asset = state.assets[assetId];
  return asset ? `${CLASS_WORDS[asset.class]}（${asset.reference}）` : undefined;
}

function partyName(state: EnforcementCase, partyId: string): string | undefined {
  return [...state.applicants, ...state.respondents].find((p) => p.partyId === partyId)?.name;
}

const defined = (fields: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));

/** The 执行异议 or 案外人异议 ruling: what was contested, and the ruling's words for its outcome. */
function objectionFields(state: EnforcementCase, filed: Filed, upheld: boolean): Record<string, string> {
  const asset = assetWords(state, filed.assetId);
  const common = {
    objector: filed.objector.name,
    objectorRole: OBJECTOR_LABELS[filed.objector.role],
    receivedDate: chineseDate(filed.receivedOn),
    grounds: filed.grounds.replace(/[。；;，,]+$/, ''),
  };
  if (filed.kind === 'third-party')
    return defined({
      ...common,
      assetDescription: asset,
      ruling:
        upheld && asset
          ? `中止对${asset}的执行。`
          : upheld
            ? undefined
            : `驳回案外人${filed.objector.name}的异议请求。`,
    });
  const act = filed.act;
  const contested =
    act === undefined
      ? undefined
      : CASE_ACTS.includes(act)
        ? `作出的${ACT_LABELS[act]}`
        : asset
          ? `对${asset}采取的${ACT_LABELS[act]}`
          : undefined;
  return defined({
    ...common,
    contested,
    ruling: upheld
      ? contested && `异议成立，撤销本院${contested}的执行行为。`
      : `驳回异议人${filed.objector.name}的异议请求。`,
  });
}

function planFields(creditors: ReadonlyMap<string, DistributionCreditor>, planned: Planned): Record<string, string> {
  const { plan } = planned;
  const name = (id: string) => creditors.get(id)?.name;
  const names = plan.shares.map((s) => name(s.creditorId));
  const shares = plan.shares.map(
    (s, i) =>
      names[i] &&
      `${names[i]}（${s.kind === 'priority' ? '优先受偿' : '普通债权，按比例受偿'}）分得${amountText(s.amountFen)}`,
  );
  const known = (list: readonly (string | undefined)[]) =>
    list.length > 0 && list.every((x) => x !== undefined) ? (list as string[]) : undefined;
  return defined({
    available: amountText(plan.availableFen),
    costs: amountText(plan.costsFen),
    creditors: known(names)?.join('、'),
    shares: known(shares)?.join('；'),
    remainder: plan.refundFen > 0 ? `余款${amountText(plan.refundFen)}退还被执行人。` : '执行款分配完毕，无余款。',
  });
}

function suspensionDocument(proposed: Proposed, act: string): DisputeDocument {
  if (proposed.kind === 'deferral') {
    const g = proposed.guarantee;
    return {
      kind: 'deferral-decision',
      act,
      fields: defined({
        guarantee: g
          ? `由${g.guarantor}提供${g.form === 'surety' ? '保证' : '财产担保'}，担保数额${amountText(g.amountFen)}`
          : undefined,
        until: proposed.until ? chineseDate(proposed.until) : undefined,
      }),
    };
  }
  const basis =
    proposed.ground === 'bankruptcy-accepted'
      ? '《中华人民共和国企业破产法》第十九条'
      : proposed.ground === 'retrial-ordered'
        ? '《中华人民共和国民事诉讼法》审判监督程序'
        : '《中华人民共和国民事诉讼法》第二百六十七条';
  return {
    kind: 'suspension-ruling',
    act,
    fields: { suspensionGround: GROUND_LABELS[proposed.ground] ?? proposed.ground, suspensionBasis: basis },
  };
}

function partyChangeFields(
  state: EnforcementCase,
  applied: Applied,
  ruled: Extract<CaseEvent, { type: 'party-change-ruled' }>,
  rules: Pick<Rules, 'V2'>,
): Record<string, string> {
  const ground = rules.V2.grounds.find((g) => g.id === applied.ground);
  const action = applied.change === 'add' ? '追加' : '变更';
  const cap = applied.liabilityCapFen;
  return defined({
    changeParty: applied.party.name,
    changeAction: action,
    changeGround: ground?.zh,
    groundArticle: ground?.article,
    receivedDate: chineseDate(applied.receivedOn),
    reason: ruled.reason.replace(/[。；;，,]+$/, ''),
    ruling:
      ruled.outcome === 'granted'
        ? `${action}${applied.party.name}为本案被执行人${cap !== undefined ? `，在${amountText(cap)}范围内承担责任` : ''}。`
        : `驳回申请人${state.applicants.map((a) => a.name).join('、')}的申请。`,
    challengeBy: chineseDate(ruled.challengeBy),
    challengeRoute: ruled.challengeRoute === 'reconsideration' ? '向上一级人民法院申请复议' : '向本院提起执行异议之诉',
  });
}

/**
 * Reads the journal's dispute events in order; `documents(event, at)` gives the documents an event calls for. Keys
 * (`act`) are stable: the objection's or application's id, or the count of the act so far on the case.
 */
export function disputeWatcher(state: EnforcementCase, rules: Pick<Rules, 'V2'>) {
  const objections = new Map<string, Filed>();
  const changes = new Map<string, Applied>();
  const creditors = new Map<string, DistributionCreditor>();
  const limitations = new Map<string, LimitationRaised>();
  let proposed: Proposed | undefined;
  let planned: Planned | undefined;
  let relief: { readonly event: ReliefApplied; readonly at: Instant } | undefined;
  let served = 0;
  let suspensions = 0;
  let reliefs = 0;
  return (event: CaseEvent, at: Instant): DisputeDocument[] => {
    switch (event.type) {
      case 'objection-filed':
        objections.set(event.objectionId, event);
        return [];
      case 'objection-ruled': {
        const filed = objections.get(event.objectionId);
        if (!filed) return [];
        const kind = filed.kind === 'act' ? 'objection-ruling' : 'third-party-objection-ruling';
        const fields = {
          ...objectionFields(state, filed, event.outcome === 'upheld'),
          reasons: event.reasons.replace(/[。；;，,]+$/, ''),
        };
        return [{ kind, act: event.objectionId, fields }];
      }
      case 'distribution-applied':
        creditors.set(event.creditor.creditorId, event.creditor);
        return [];
      case 'distribution-planned':
        planned = event;
        return [];
      case 'distribution-served':
        served += 1;
        return planned
          ? [{ kind: 'distribution-plan', act: `distribution-${served}`, fields: planFields(creditors, planned) }]
          : [];
      case 'suspension-proposed':
        proposed = event;
        return [];
      case 'suspension-ruled':
        if (event.decision !== 'approved' || !proposed) return [];
        suspensions += 1;
        return [suspensionDocument(proposed, `suspension-${suspensions}`)];
      case 'reversal-ordered':
        return [
          {
            kind: 'reversal-ruling',
            act: 'reversal',
            fields: defined({
              returner: partyName(state, event.from),
              receiver: partyName(state, event.to),
              returnAmount: amountText(event.returnFen),
              setAsideBy: event.setAsideBy,
            }),
          },
        ];
      case 'party-change-applied':
        changes.set(event.applicationId, event);
        return [];
      case 'party-change-ruled': {
        const applied = changes.get(event.applicationId);
        if (!applied) return [];
        return [
          {
            kind: 'party-change-ruling',
            act: event.applicationId,
            fields: partyChangeFields(state, applied, event, rules),
          },
        ];
      }
      case 'relief-applied':
        relief = { event, at };
        return [];
      case 'relief-decided':
        if (event.decision !== 'approved' || !relief) return [];
        reliefs += 1;
        return [
          {
            kind: 'relief-decision',
            act: `relief-${reliefs}`,
            fields: defined({
              reliefApplicant: partyName(state, relief.event.applicantId),
              hardship: relief.event.hardship.replace(/[。；;，,]+$/, ''),
              appliedDate: chineseDate(chinaDateOf(relief.at)),
              requested: amountText(relief.event.requestedFen),
              granted: event.grantedFen !== undefined ? amountText(event.grantedFen) : undefined,
            }),
          },
        ];
      case 'limitation-objection-raised':
        limitations.set(event.objectionId, event);
        return [];
      case 'limitation-objection-decided': {
        const raised = limitations.get(event.objectionId);
        if (!raised) return [];
        const objector = partyName(state, raised.respondentId);
        return [
          {
            kind: 'limitation-ruling',
            act: event.objectionId,
            fields: defined({
              objector,
              receivedDate: chineseDate(raised.receivedOn),
              reasons: event.reason.replace(/[。；;，,]+$/, ''),
              ruling: event.outcome === 'upheld' ? '本案不予执行。' : objector && `驳回被执行人${objector}的异议。`,
            }),
          },
        ];
      }
      default:
        return [];
    }
  };
}
