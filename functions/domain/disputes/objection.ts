/**
 * Objections inside enforcement, as pure decisions over the case (the clock passed in):
 *
 * - 执行异议 (OBJ-ACT, 民诉法 第二百三十六条): a party or an interested person objects in writing to an enforcement
 *   act (here: the seizure of an asset). The court rules within 15 days; whoever the ruling goes against may apply to
 *   the higher court for reconsideration within 10 days of service, decided within 30. The act is not stopped
 *   meanwhile (执行程序解释 第九条). Once the ruling stands (no application in time, or the higher court decided), an
 *   objection that succeeded undoes the act: the seizure is released.
 * - 案外人异议 (OBJ-THIRD-PARTY, 第二百三十八条): a person outside the case claims a seized asset. Examined within 15
 *   days. From the ruling on, the asset is held: upheld, enforcement against it is suspended; dismissed, it is not
 *   disposed of for the 15 days the third party has to sue. Whoever the ruling goes against may bring 执行异议之诉
 *   within 15 days of service; the asset then waits for the judgment. No suit in time: the ruling stands (upheld,
 *   the seizure is released, OBJ-RELEASE; dismissed, disposal goes on). The case's other assets are disposed of
 *   meanwhile.
 */
import type { LegalCalendar } from '../calendar/legal-calendar.ts';
import { chinaDateOf, type Instant, isBefore, type LocalDate } from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { ClosureProblem, EnforcementCase } from '../case/model.ts';
import { accountBalance } from '../case/reducer.ts';
import { derivedId } from '../ids.ts';
import type { Rules } from '../rules/table.ts';
import { finalEvents, periodNode, SEIZED } from './objection-effects.ts';
import {
  ACT_LABELS,
  CASE_ACTS,
  type ContestedAct,
  OBJECTOR_LABELS,
  type Objection,
  type ObjectionKind,
  type ObjectorRole,
  type RulingOutcome,
} from './objection-model.ts';

/** The node of each period of an objection. */
export const objectionNodes = (objectionId: string) =>
  ({
    examination: `objection:${objectionId}`,
    reconsiderationWindow: `objection:${objectionId}:reconsideration-window`,
    reconsideration: `objection:${objectionId}:reconsideration`,
    suitWindow: `objection:${objectionId}:suit-window`,
  }) as const;

export { disposalResumable, freeBalanceFen, heldAssets, heldMoneyFen } from './objection-effects.ts';
export { objectionNodeLabel } from './objection-model.ts';

const MONEY_CLASSES: readonly string[] = ['deposit', 'online-funds'];

function problem(ruleId: string, code: string, message: string): ClosureProblem {
  return { ruleId, code, message };
}

export interface ObjectionFiling {
  readonly kind: ObjectionKind;
  readonly objector: { readonly name: string; readonly role: ObjectorRole };
  readonly assetId: string;
  /**
   * The act contested (执行异议): the seizure of `assetId` (the default), a deduction from it, or the listing (失信)
   * or the consumption restriction (no asset).
   */
  readonly act?: ContestedAct;
  readonly grounds: string;
  /** The day the written objection was received; today when not given. */
  readonly receivedOn?: LocalDate;
}

/** Why this objection cannot be recorded; none means it can. */
export function filingProblems(state: EnforcementCase, filing: ObjectionFiling, now: Instant): ClosureProblem[] {
  const ruleId = filing.kind === 'act' ? 'OBJ-ACT' : 'OBJ-THIRD-PARTY';
  const problems: ClosureProblem[] = [];
  if (state.status === 'closed') problems.push(problem(ruleId, 'closed', '案件已结案，不能再提出异议'));
  const act = filing.act ?? 'seizure';
  if (filing.kind !== 'act' && act !== 'seizure')
    problems.push(problem(ruleId, 'kind', `对${ACT_LABELS[act]}的异议是执行行为异议`));
  if (act === 'listing') {
    const listing = state.coercion?.listing;
    if (!listing || listing.removedAt) problems.push(problem(ruleId, 'not-listed', '被执行人未被纳入失信被执行人名单'));
  }
  if (act === 'restriction') {
    const restriction = state.coercion?.restriction;
    if (!restriction || restriction.liftedAt)
      problems.push(problem(ruleId, 'not-restricted', '被执行人未被限制消费，或限制消费令已解除'));
  }
  const asset = CASE_ACTS.includes(act) ? undefined : state.assets[filing.assetId];
  if (CASE_ACTS.includes(act)) {
    // No asset: the listing or the restriction is the act.
  } else if (!asset) problems.push(problem(ruleId, 'asset', '本案没有该财产'));
  else if (act === 'deduction') {
    if (!MONEY_CLASSES.includes(asset.class) || asset.deductedFen <= 0)
      problems.push(problem(ruleId, 'not-deducted', '该财产没有被扣划的存款或网络资金'));
  } else if (act === 'price' || act === 'auction') {
    const lot = state.disposal?.lots[asset.assetId];
    const open: readonly string[] = act === 'price' ? ['priced', 'announced'] : ['announced', 'awaiting-balance'];
    if (!lot || !open.includes(lot.status) || (act === 'price' && lot.referencePriceFen === undefined))
      problems.push(
        problem(
          ruleId,
          act === 'price' ? 'not-priced' : 'not-auctioned',
          act === 'price'
            ? '该财产没有可提出异议的处置参考价（尚未定价，或已成交、已处置）'
            : '该财产没有正在进行或待付尾款的拍卖',
        ),
      );
  } else if (filing.kind === 'third-party' && MONEY_CLASSES.includes(asset.class)) {
    // A deposit claimed: frozen, or deducted with the money still on the case account (it is held there).
    const onAccount = asset.status === 'deducted' && asset.deductedFen > 0 && accountBalance(state) > 0;
    if (asset.status !== 'frozen' && !onAccount)
      problems.push(problem(ruleId, 'money', '该存款未被冻结，或扣划款项已发放（已发放的，依法另行处理）'));
  } else if (!SEIZED.includes(asset.status))
    problems.push(problem(ruleId, 'not-seized', '该财产未处于查封、冻结状态（已处置或已解除的，不能再提出异议）'));
  if (filing.kind === 'third-party' && filing.objector.role !== 'third-party')
    problems.push(problem(ruleId, 'role', '案外人异议只能由案外人提出；当事人、利害关系人请提出执行行为异议'));
  if (filing.kind === 'act' && filing.objector.role === 'third-party')
    problems.push(problem(ruleId, 'role', '案外人对执行标的主张权利的，请提出案外人异议'));
  const pending = Object.values(state.objections ?? {}).some(
    (o) =>
      o.kind === filing.kind &&
      (o.act ?? 'seizure') === act &&
      (CASE_ACTS.includes(act) || o.assetId === filing.assetId) &&
      o.status !== 'final',
  );
  if (pending) problems.push(problem(ruleId, 'pending', '该执行行为（财产）已有尚未终结的同类异议'));
  if (filing.receivedOn && filing.receivedOn > chinaDateOf(now))
    problems.push(problem(ruleId, 'received-on', '收到异议的日期不能晚于今天'));
  return problems;
}

/** The objection's id: the case and its count of objections, so a retried command records it once. */
export function nextObjectionId(state: EnforcementCase): string {
  return derivedId('o', state.caseId, String(Object.keys(state.objections ?? {}).length + 1));
}

/** Records the objection and its examination node (15 days from receipt). */
export function fileObjection(
  state: EnforcementCase,
  filing: ObjectionFiling,
  by: string,
  rules: Rules,
  calendar: LegalCalendar,
  now: Instant,
): { readonly objectionId: string; readonly events: CaseEvent[] } {
  const objectionId = nextObjectionId(state);
  const receivedOn = filing.receivedOn ?? chinaDateOf(now);
  const rule = filing.kind === 'act' ? rules.OBJ_ACT : rules.OBJ_THIRD_PARTY;
  const act: ContestedAct | undefined = filing.kind === 'act' ? (filing.act ?? 'seizure') : undefined;
  return {
    objectionId,
    events: [
      {
        type: 'objection-filed',
        objectionId,
        kind: filing.kind,
        objector: filing.objector,
        assetId: act && CASE_ACTS.includes(act) ? '' : filing.assetId,
        ...(act ? { act } : {}),
        grounds: filing.grounds,
        receivedOn,
        by,
      },
      {
        type: 'node-set',
        node: periodNode(
          objectionNodes(objectionId).examination,
          rule.id,
          rule.examination,
          receivedOn,
          calendar,
          false,
        ),
      },
    ],
  };
}

function found(state: EnforcementCase, objectionId: string): Objection | undefined {
  return state.objections?.[objectionId];
}

function meet(state: EnforcementCase, node: string, at: Instant): CaseEvent[] {
  const current = state.nodes[node];
  return current && current.status !== 'met' ? [{ type: 'node-met', node, at }] : [];
}

/** Why the objection cannot be ruled on now. */
export function rulingProblems(state: EnforcementCase, objectionId: string): ClosureProblem[] {
  const o = found(state, objectionId);
  if (!o) return [problem('OBJ-ACT', 'unknown', '没有该异议')];
  if (o.status !== 'examining')
    return [problem(o.kind === 'act' ? 'OBJ-ACT' : 'OBJ-THIRD-PARTY', 'status', '该异议已作出裁定')];
  return [];
}

/**
 * The ruling, served on `servedOn`: the examination node met, and the window of whoever it goes against opened
 * (reconsideration 10 days, or a lawsuit 15 days, from service).
 */
export function ruleObjection(
  state: EnforcementCase,
  objectionId: string,
  ruling: {
    readonly outcome: RulingOutcome;
    readonly by: string;
    readonly reasons: string;
    readonly servedOn?: LocalDate;
  },
  rules: Rules,
  calendar: LegalCalendar,
  now: Instant,
): CaseEvent[] {
  const o = found(state, objectionId);
  if (!o) return [];
  const servedOn = ruling.servedOn ?? chinaDateOf(now);
  const nodes = objectionNodes(objectionId);
  const window =
    o.kind === 'act'
      ? periodNode(
          nodes.reconsiderationWindow,
          rules.OBJ_ACT.id,
          rules.OBJ_ACT.reconsiderationWindow,
          servedOn,
          calendar,
          true,
        )
      : periodNode(
          nodes.suitWindow,
          rules.OBJ_THIRD_PARTY.id,
          rules.OBJ_THIRD_PARTY.suitWindow,
          servedOn,
          calendar,
          true,
        );
  return [
    {
      type: 'objection-ruled',
      objectionId,
      outcome: ruling.outcome,
      by: ruling.by,
      servedOn,
      reasons: ruling.reasons,
    },
    ...meet(state, nodes.examination, now),
    { type: 'node-set', node: window },
  ];
}

/** The side the ruling went against: who may apply for reconsideration, or sue. */
export function losingSide(o: Objection): 'objector' | 'other-side' | undefined {
  if (!o.ruling) return undefined;
  return o.ruling.outcome === 'upheld' ? 'other-side' : 'objector';
}

function windowOpen(state: EnforcementCase, node: string, now: Instant): boolean {
  const current = state.nodes[node];
  return current?.status === 'open' && !isBefore(current.dueAt, now);
}

/** Why reconsideration cannot be applied for now (OBJ-ACT: within 10 days of service, by whom the ruling went against). */
export function reconsiderationProblems(
  state: EnforcementCase,
  objectionId: string,
  appliedBy: ObjectorRole,
  now: Instant,
): ClosureProblem[] {
  const o = found(state, objectionId);
  if (!o) return [problem('OBJ-ACT', 'unknown', '没有该异议')];
  if (o.kind !== 'act') return [problem('OBJ-THIRD-PARTY', 'kind', '案外人异议不能申请复议，可提起执行异议之诉')];
  if (o.status !== 'ruled') return [problem('OBJ-ACT', 'status', '该异议尚未裁定，或已申请复议、已终结')];
  if (!windowOpen(state, objectionNodes(objectionId).reconsiderationWindow, now))
    return [problem('OBJ-ACT', 'late', '已超过申请复议期间（自裁定送达之日起十日，OBJ-ACT）')];
  const side = losingSide(o);
  const objectorApplies = appliedBy === o.objector.role;
  if ((side === 'objector') !== objectorApplies)
    return [
      problem(
        'OBJ-ACT',
        'side',
        `裁定${o.ruling?.outcome === 'upheld' ? '支持' : '驳回'}了异议，${OBJECTOR_LABELS[appliedBy]}不是不服裁定的一方`,
      ),
    ];
  return [];
}

export function applyForReconsideration(
  state: EnforcementCase,
  objectionId: string,
  appliedBy: ObjectorRole,
  receivedOn: LocalDate,
  rules: Rules,
  calendar: LegalCalendar,
  now: Instant,
): CaseEvent[] {
  const nodes = objectionNodes(objectionId);
  return [
    { type: 'reconsideration-applied', objectionId, appliedBy, receivedOn },
    ...meet(state, nodes.reconsiderationWindow, now),
    {
      type: 'node-set',
      node: periodNode(
        nodes.reconsideration,
        rules.OBJ_ACT.id,
        rules.OBJ_ACT.reconsiderationDecision,
        receivedOn,
        calendar,
        false,
      ),
    },
  ];
}

export function decisionProblems(state: EnforcementCase, objectionId: string): ClosureProblem[] {
  const o = found(state, objectionId);
  if (!o) return [problem('OBJ-ACT', 'unknown', '没有该异议')];
  if (o.status !== 'reconsidering') return [problem('OBJ-ACT', 'status', '该异议没有正在审查的复议申请')];
  return [];
}

/** The higher court's decision: the reconsideration node met, and the ruling (affirmed or reversed) takes effect. */
export function decideReconsideration(
  state: EnforcementCase,
  objectionId: string,
  decision: 'affirmed' | 'reversed',
  now: Instant,
  rules: Rules,
  calendar: LegalCalendar,
): CaseEvent[] {
  const o = found(state, objectionId);
  if (!o?.ruling) return [];
  const upheld = (o.ruling.outcome === 'upheld') !== (decision === 'reversed');
  return [
    { type: 'reconsideration-decided', objectionId, decision },
    ...meet(state, objectionNodes(objectionId).reconsideration, now),
    ...finalEvents(
      state,
      o,
      upheld,
      decision === 'reversed' ? '上一级人民法院复议撤销原裁定' : '上一级人民法院复议驳回申请，维持原裁定',
      { rules, calendar, now },
    ),
  ];
}

/** Who brings 执行异议之诉: the side the ruling went against (民诉法 第二百三十八条). */
export function suitProblems(
  state: EnforcementCase,
  objectionId: string,
  plaintiff: ObjectorRole,
  now: Instant,
): ClosureProblem[] {
  const o = found(state, objectionId);
  if (!o) return [problem('OBJ-THIRD-PARTY', 'unknown', '没有该异议')];
  if (o.kind !== 'third-party') return [problem('OBJ-ACT', 'kind', '执行行为异议不能提起执行异议之诉，可申请复议')];
  if (o.status !== 'ruled') return [problem('OBJ-THIRD-PARTY', 'status', '该异议尚未裁定，或已起诉、已终结')];
  if (!windowOpen(state, objectionNodes(objectionId).suitWindow, now))
    return [problem('OBJ-THIRD-PARTY', 'late', '已超过起诉期间（自裁定送达之日起十五日，OBJ-THIRD-PARTY）')];
  const thirdPartySues = plaintiff === 'third-party';
  if ((losingSide(o) === 'objector') !== thirdPartySues)
    return [
      problem(
        'OBJ-THIRD-PARTY',
        'side',
        o.ruling?.outcome === 'upheld'
          ? '裁定中止执行的，由申请执行人（或被执行人）提起执行异议之诉'
          : '裁定驳回异议的，由案外人提起执行异议之诉',
      ),
    ];
  if (!thirdPartySues && plaintiff !== 'applicant' && plaintiff !== 'respondent')
    return [problem('OBJ-THIRD-PARTY', 'side', '原告须为申请执行人或被执行人')];
  return [];
}

export function fileSuit(state: EnforcementCase, objectionId: string, plaintiff: ObjectorRole, now: Instant) {
  return [
    { type: 'objection-suit-filed', objectionId, plaintiff } as CaseEvent,
    ...meet(state, objectionNodes(objectionId).suitWindow, now),
  ];
}

export function judgmentProblems(state: EnforcementCase, objectionId: string): ClosureProblem[] {
  const o = found(state, objectionId);
  if (!o) return [problem('OBJ-THIRD-PARTY', 'unknown', '没有该异议')];
  if (o.status !== 'in-suit') return [problem('OBJ-THIRD-PARTY', 'status', '该异议没有正在审理的执行异议之诉')];
  return [];
}

/** The judgment of 执行异议之诉 (an event from the trial division): for the third party, released; else resumed. */
export function recordJudgment(
  state: EnforcementCase,
  objectionId: string,
  judgment: { readonly for: 'third-party' | 'applicant'; readonly reference: string },
): CaseEvent[] {
  const o = found(state, objectionId);
  if (!o) return [];
  return [
    { type: 'objection-judgment', objectionId, for: judgment.for, reference: judgment.reference },
    ...finalEvents(
      state,
      o,
      judgment.for === 'third-party',
      judgment.for === 'third-party'
        ? `执行异议之诉判决不得执行该标的（${judgment.reference}）`
        : `执行异议之诉判决驳回案外人诉讼请求（${judgment.reference}），继续处分`,
    ),
  ];
}

/**
 * Windows that passed with nothing done (the sweeper asks at their end): the ruling stands. For 案外人异议 upheld,
 * the seizure is released at once, well within OBJ-RELEASE's 7 days.
 */
export function lapsedWindows(
  state: EnforcementCase,
  now: Instant,
  rules: Rules,
  calendar: LegalCalendar,
): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const o of Object.values(state.objections ?? {})) {
    if (o.status !== 'ruled' || !o.ruling) continue;
    const nodes = objectionNodes(o.objectionId);
    const node = state.nodes[o.kind === 'act' ? nodes.reconsiderationWindow : nodes.suitWindow];
    if (node?.status !== 'open' || !isBefore(node.dueAt, now)) continue;
    const upheld = o.ruling.outcome === 'upheld';
    events.push(
      { type: 'node-met', node: node.node, at: now },
      ...finalEvents(
        state,
        o,
        upheld,
        o.kind === 'act'
          ? '申请复议期间届满，无人申请复议，裁定生效'
          : upheld
            ? '起诉期间届满，未提起执行异议之诉，解除对该标的的执行措施（OBJ-RELEASE）'
            : '起诉期间届满，案外人未提起执行异议之诉，继续处分',
        { rules, calendar, now },
      ),
    );
  }
  return events;
}
