/**
 * 参与分配 as staff-API use cases on the case holding the respondent's money (民诉法解释 第五百零六条至第五百一十条):
 * other creditors apply before the money is paid out (the disbursement waiting for approval is withdrawn); the
 * officer makes the plan; the bureau chief signs it and it is served, opening the objection window; an objection
 * opens the opposition window, an opposition the suit window; a suit holds the disputed money and pays the rest;
 * the judgment pays the held money. A window ending with nobody taking the next step is acted on by `advance`
 * (the plan as made, or as the objection revised it). Money leaves through `payOrders`: once per entry id.
 *
 * Several cases against one respondent see each other: `relatedCases` lists the court's cases where the same
 * party id is a respondent, and a creditor naming its own case here must share that respondent.
 */
import { chinaDateOf, type LocalDate } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { accountBalance } from '#domain/case/reducer.ts';
import {
  applicationProblems,
  hostClaims,
  judgedPart,
  lapsed,
  makePlan,
  OBJECTION_NODE,
  OPPOSITION_NODE,
  payoutOrders,
  planProblems,
  revisedPlan,
  SUIT_NODE,
  sharedRespondent,
  undisputedPart,
  windowNode,
  windowOpen,
} from '#domain/disputes/distribution.ts';
import { fundSources } from '#domain/disputes/distribution-funds.ts';
import type { Share } from '#domain/disputes/distribution-plan.ts';
import type { Problem } from '#domain/disputes/suspension.ts';
import { caseIdFor, derivedId } from '#domain/ids.ts';
import { type Fen, fen } from '#domain/money.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { type Deps, mutateCase } from './context.ts';
import { caseFor, notTheProposer, payOrders, refuse, withdrawDisbursement } from './distribution-common.ts';
import { caseNotFound, conflict } from './errors.ts';

type DistributionDeps = Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'payments'>;

export interface ApplyCommand {
  readonly caseId: string;
  readonly name: string;
  readonly claimFen: number;
  readonly priority: boolean;
  /** The creditor's title (执行依据) or the document of its priority right. */
  readonly title: string;
  /** The creditor's own enforcement case in this court, when there is one: its applicant is the creditor. */
  readonly caseNumber?: string;
}

async function otherCase(deps: Pick<Deps, 'cases'>, court: string, caseNumber: string | undefined) {
  if (!caseNumber) return undefined;
  const found = await deps.cases.load(caseIdFor(court, caseNumber));
  if (!found) throw conflict(`本院没有执行案件${caseNumber}`);
  return found;
}

/** A creditor applies to share (DIST-APPLY); recorded by the officer from the written application. */
export function applyToShare(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'approvals' | 'engine'>) {
  return async (identity: Identity | undefined, command: ApplyCommand) => {
    const { state: before, identity: who } = await caseFor(deps, identity, command.caseId, 'close-cases');
    const other = await otherCase(deps, before.court.code, command.caseNumber);
    const creditorId =
      other?.applicants[0]?.partyId ?? derivedId('p', before.caseId, 'creditor', command.name, command.title);
    const problems = applicationProblems(
      before,
      { creditorId, claimFen: command.claimFen, priority: command.priority, ...(other ? { otherCase: other } : {}) },
      deps.rules,
    );
    refuse('不能申请参与分配', problems);
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: who.userId },
      { action: 'apply-distribution' },
      (s, now) => ({
        events: [
          {
            type: 'distribution-applied',
            creditor: {
              creditorId,
              name: command.name,
              claimFen: fen(command.claimFen),
              priority: command.priority,
              title: command.title,
              ...(other ? { caseId: other.caseId } : {}),
              host: false,
              appliedAt: now,
            },
          },
        ],
        result: s.status,
      }),
    );
    await withdrawDisbursement(deps, state, '其他债权人申请参与分配，执行款按分配方案发放');
    return { caseId: state.caseId, creditorId, creditors: state.distribution?.creditors.length ?? 0 };
  };
}

/** The officer makes the plan over the money on the account (DIST-ORDER); `costsFen`: the enforcement costs. */
export function planDistribution(deps: Pick<Deps, 'cases' | 'clock' | 'rules'>) {
  return async (identity: Identity | undefined, command: { readonly caseId: string; readonly costsFen: number }) => {
    const { state: before, identity: who } = await caseFor(deps, identity, command.caseId, 'close-cases');
    const today = chinaDateOf(deps.clock.now());
    refuse('不能制作分配方案', planProblems(before, command.costsFen, deps.rules, today));
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: who.userId },
      { action: 'plan-distribution' },
      (s, now) => ({
        events: [
          {
            type: 'distribution-planned',
            plan: makePlan(s, command.costsFen, now),
            by: who.userId,
            funds: fundSources(s),
          },
        ],
        result: undefined,
      }),
    );
    return { caseId: state.caseId, plan: state.distribution?.plan };
  };
}

/** The bureau chief signs the plan (not the officer who made it); served on all, the objection window opens. */
export function serveDistribution(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar'>) {
  return async (identity: Identity | undefined, command: { readonly caseId: string }) => {
    const { state: before, identity: who } = await caseFor(deps, identity, command.caseId, 'rule-disputes');
    if (before.distribution?.stage !== 'planned') throw conflict('没有待签发的分配方案');
    notTheProposer(who, before.distribution.plan?.by);
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: who.userId },
      { action: 'serve-distribution' },
      (s, now) => {
        if (s.distribution?.stage !== 'planned') return { events: [], result: undefined };
        return {
          events: [
            { type: 'distribution-served', by: who.userId, servedOn: chinaDateOf(now) },
            { type: 'node-set', node: windowNode(OBJECTION_NODE, deps.rules, now, deps.calendar) },
          ],
          result: undefined,
        };
      },
    );
    return { caseId: state.caseId, objectBy: state.nodes[OBJECTION_NODE]?.dueDate };
  };
}

function isCreditor(state: EnforcementCase, creditorId: string): boolean {
  return (
    state.applicants.some((a) => a.partyId === creditorId) ||
    (state.distribution?.creditors ?? []).some((c) => c.creditorId === creditorId) ||
    creditorId === sharedRespondent(state)
  );
}

/** A creditor (or the respondent) objects in writing within the window; the others are notified (DIST-OBJECTION). */
export function objectToDistribution(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar'>) {
  return async (
    identity: Identity | undefined,
    command: {
      readonly caseId: string;
      readonly by: string;
      readonly against: string;
      readonly claimFen: number;
      readonly reason: string;
    },
  ) => {
    const { state: before, identity: who } = await caseFor(deps, identity, command.caseId, 'close-cases');
    const now = deps.clock.now();
    const problems: Problem[] = [];
    const rule = deps.rules.DIST_OBJECTION.id;
    const stage = before.distribution?.stage;
    if (stage === 'paid') problems.push({ rule, message: '异议期间已届满，已按分配方案分配' });
    else if (stage !== 'served') problems.push({ rule, message: '分配方案未送达或已有异议' });
    else if (!windowOpen(before, OBJECTION_NODE, now)) problems.push({ rule, message: '异议期间已届满' });
    if (!isCreditor(before, command.by)) problems.push({ rule, message: '异议人不是本次分配的债权人或被执行人' });
    if (!isCreditor(before, command.against) || command.against === sharedRespondent(before))
      problems.push({ rule, message: '被异议的不是本次分配的债权人' });
    refuse('不能提出分配方案异议', problems);
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: who.userId },
      { action: 'object-distribution' },
      (s, at) => ({
        events: [
          {
            type: 'distribution-objected',
            by: command.by,
            against: command.against,
            claimFen: fen(command.claimFen),
            reason: command.reason,
            revised: revisedPlan(s, command.against, command.claimFen, at),
          },
          { type: 'node-met', node: OBJECTION_NODE, at },
          { type: 'node-set', node: windowNode(OPPOSITION_NODE, deps.rules, at, deps.calendar) },
        ],
        result: undefined,
      }),
    );
    return { caseId: state.caseId, opposeBy: state.nodes[OPPOSITION_NODE]?.dueDate };
  };
}

/** Another creditor (or the respondent) opposes the objection within the window; the objector is notified. */
export function opposeObjection(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar'>) {
  return async (identity: Identity | undefined, command: { readonly caseId: string; readonly by: string }) => {
    const { state: before, identity: who } = await caseFor(deps, identity, command.caseId, 'close-cases');
    const rule = deps.rules.DIST_OPPOSITION.id;
    const problems: Problem[] = [];
    if (before.distribution?.stage !== 'objected') problems.push({ rule, message: '没有待答复的分配方案异议' });
    else if (!windowOpen(before, OPPOSITION_NODE, deps.clock.now()))
      problems.push({ rule, message: '提出反对意见的期间已届满' });
    if (!isCreditor(before, command.by) || command.by === before.distribution?.objection?.by)
      problems.push({ rule, message: '反对意见应由未提出异议的债权人或被执行人提出' });
    refuse('不能提出反对意见', problems);
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: who.userId },
      { action: 'oppose-objection' },
      (_s, at) => ({
        events: [
          { type: 'distribution-opposed', by: command.by },
          { type: 'node-met', node: OPPOSITION_NODE, at },
          { type: 'node-set', node: windowNode(SUIT_NODE, deps.rules, at, deps.calendar) },
        ],
        result: undefined,
      }),
    );
    return { caseId: state.caseId, sueBy: state.nodes[SUIT_NODE]?.dueDate };
  };
}

async function pay(
  deps: DistributionDeps,
  caseId: string,
  actor: { readonly kind: 'staff' | 'system'; readonly id: string },
  decide: (s: EnforcementCase) => Extract<CaseEvent, { type: 'distribution-paid' }> | undefined,
  extra: (s: EnforcementCase, now: string) => CaseEvent[] = () => [],
) {
  const { state } = await mutateCase(deps, caseId, actor, { action: 'distribution-payout' }, (s, now) => {
    const paid = decide(s);
    if (!paid) return { events: [], result: undefined };
    // The disbursement the distribution took over (F1): its money goes out now.
    const f1: CaseEvent[] = Object.values(s.nodes)
      .filter((n) => n.node.startsWith('disbursement:') && n.status === 'open')
      .map((n) => ({ type: 'node-met', node: n.node, at: now }));
    return { events: [...extra(s, now), paid, ...f1], result: undefined };
  });
  const paid = await payOrders(deps, caseId, actor, state.distribution?.orders ?? []);
  const after = await deps.cases.load(caseId);
  return { caseId, paid, balanceFen: after ? accountBalance(after) : 0, stage: after?.distribution?.stage };
}

function paidEvent(
  s: EnforcementCase,
  as: 'original' | 'revised' | 'undisputed' | 'judged',
  shares: readonly Share[],
  costsFen: number,
  refundFen: number,
  reason: string,
): Extract<CaseEvent, { type: 'distribution-paid' }> {
  return {
    type: 'distribution-paid',
    as: as === 'judged' ? (s.distribution?.outcome ?? 'original') : as,
    shares,
    refundFen: fen(refundFen),
    reason,
    orders: payoutOrders(s, as, shares, costsFen, refundFen),
  };
}

/** The objector sued within the window: the disputed money is held, what both plans agree on is paid now. */
export function recordDistributionSuit(deps: DistributionDeps) {
  return async (identity: Identity | undefined, command: { readonly caseId: string }) => {
    const { state: before, identity: who } = await caseFor(deps, identity, command.caseId, 'close-cases');
    const rule = deps.rules.DIST_OPPOSITION.id;
    if (before.distribution?.stage !== 'opposed') refuse('不能记录起诉', [{ rule, message: '没有被反对的异议' }]);
    if (!windowOpen(before, SUIT_NODE, deps.clock.now()))
      refuse('不能记录起诉', [{ rule, message: '起诉期间已届满，应按原分配方案分配' }]);
    return pay(
      deps,
      command.caseId,
      { kind: 'staff', id: who.userId },
      (s) => {
        if (s.distribution?.stage !== 'opposed') return undefined;
        const part = undisputedPart(s);
        const costs = s.distribution.plan?.costsFen ?? 0;
        return paidEvent(s, 'undisputed', part.shares, costs, part.refundFen, '诉讼期间分配无争议部分');
      },
      (s, now) => [
        { type: 'node-met', node: SUIT_NODE, at: now },
        {
          type: 'distribution-suit-filed',
          by: s.distribution?.objection?.by ?? '',
          heldFen: undisputedPart(s).heldFen,
        },
      ],
    );
  };
}

/** The judgment of the suit arrives: the held money follows the plan it upheld. */
export function recordDistributionJudgment(deps: DistributionDeps) {
  return async (
    identity: Identity | undefined,
    command: { readonly caseId: string; readonly upheld: 'original' | 'revised'; readonly judgment: string },
  ) => {
    const { state: before, identity: who } = await caseFor(deps, identity, command.caseId, 'close-cases');
    if (before.distribution?.stage !== 'suing')
      refuse('不能记录判决', [{ rule: deps.rules.DIST_OPPOSITION.id, message: '没有进行中的分配方案异议之诉' }]);
    return pay(deps, command.caseId, { kind: 'staff', id: who.userId }, (s) => {
      if (s.distribution?.stage !== 'suing') return undefined;
      const part = judgedPart(s, command.upheld);
      const reason = `分配方案异议之诉判决（${command.judgment}）${command.upheld === 'revised' ? '支持异议' : '驳回异议'}，提存款项按判决分配`;
      return { ...paidEvent(s, 'judged', part.shares, 0, part.refundFen, reason), as: command.upheld };
    });
  };
}

/** A window ended with nobody taking the next step: the court pays as the rules say (and pays what is unpaid). */
export function advanceDistribution(deps: DistributionDeps) {
  return async (caseId: string, actor: { readonly kind: 'staff' | 'system'; readonly id: string }) => {
    const before = await deps.cases.load(caseId);
    if (!before) throw caseNotFound();
    return pay(
      deps,
      caseId,
      actor,
      (s) => {
        const due = lapsed(s, deps.clock.now());
        const d = s.distribution;
        if (!due.pay || !d?.plan) return undefined;
        const plan = due.pay === 'revised' && d.objection ? d.objection.revised : d.plan;
        return paidEvent(s, due.pay, plan.shares, plan.costsFen, plan.refundFen, due.reason);
      },
      (s, now) => {
        const due = lapsed(s, now);
        return due.pay ? [{ type: 'node-met', node: due.node as `dispute:${string}`, at: now }] : [];
      },
    );
  };
}

/** The officer asks for it (a staff route): of the case's court, with the role table's `close-cases`. */
export function advanceDistributionAsStaff(deps: DistributionDeps) {
  const advance = advanceDistribution(deps);
  return async (identity: Identity | undefined, command: { readonly caseId: string }) => {
    const { identity: who } = await caseFor(deps, identity, command.caseId, 'close-cases');
    return advance(command.caseId, { kind: 'staff', id: who.userId });
  };
}

/** The court's cases against the same respondent (the same party id): they see each other's distributions. */
export function relatedCases(deps: Pick<Deps, 'cases' | 'queries'>) {
  return async (identity: Identity | undefined, caseId: string) => {
    const { state } = await caseFor(deps, identity, caseId, 'read-cases');
    const respondent = sharedRespondent(state);
    if (!respondent) return { caseId, cases: [] };
    const found = await deps.queries.findByParty(state.court.code, respondent, 50);
    const cases = [];
    for (const { caseId: id } of found) {
      if (id === caseId) continue;
      const other = await deps.cases.load(id);
      if (!other?.respondents.some((r) => r.partyId === respondent)) continue;
      cases.push({
        caseId: other.caseId,
        caseNumber: other.caseNumber,
        status: other.status,
        claimFen: other.claim.totalFen,
        ...(other.distribution ? { distribution: other.distribution.stage } : {}),
      });
    }
    return { caseId, cases };
  };
}

/** The distribution as the case page shows it: creditors, plan, windows, what was paid and what is held. */
export function distributionView(state: EnforcementCase, today: LocalDate) {
  const d = state.distribution;
  if (!d) return undefined;
  const windows = [OBJECTION_NODE, OPPOSITION_NODE, SUIT_NODE]
    .map((id) => state.nodes[id])
    .filter((n) => n !== undefined && n.status === 'open')
    .map((n) => ({ node: n?.node ?? '', dueDate: n?.dueDate ?? today }));
  const paid = (d.orders ?? []).filter((o) => state.ledger.some((e) => e.entryId === o.entryId));
  // This case's applicants share too, but never apply: named here, each with its claim as the plan weighed it (what
  // is still owed, plus what this distribution has already paid it), so that a reader can name every share.
  const hosts = hostClaims(state).map((c) => ({
    ...c,
    claimFen: fen(c.claimFen + paid.filter((o) => o.payeeId === c.creditorId).reduce((t, o) => t + o.amountFen, 0)),
  }));
  return {
    ...d,
    hosts,
    windows,
    paidFen: fen(paid.reduce((t, o) => t + o.amountFen, 0)) as Fen,
    balanceFen: fen(Math.max(0, accountBalance(state))),
  };
}
