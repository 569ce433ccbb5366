/**
 * Which coercive measures a case gets, and on what grounds (C1, C4, C6, D5). Decided from what the case shows:
 * the respondent's recorded conduct, the asset report, what was found, whether anything was paid. Not wired in
 * the state machine: the coercion phase runs whatever this returns.
 */
import { chinaDateOf, type LocalDate } from '../calendar/local-date.ts';
import type { ConductKind, EnforcementCase, Party, SanctionKind } from '../case/model.ts';
import { outstandingFen } from '../control/plan.ts';
import { type Fen, fen } from '../money.ts';
import type { Rules } from '../rules/table.ts';
import { CREDIT_RECIPIENTS } from './plan.ts';
import { listingRemovalDue } from './removal.ts';

/** Conduct recorded for the case, with a refused asset report counted as conduct (A9). */
export function conductKinds(state: EnforcementCase, respondentId?: string): ConductKind[] {
  const kinds: ConductKind[] = state.conduct
    .filter((c) => !respondentId || c.respondentId === respondentId)
    .map((c) => c.kind);
  for (const [id, report] of Object.entries(state.assetReports)) {
    if (report === 'refused' && (!respondentId || id === respondentId)) kinds.push('report-refused');
  }
  return kinds;
}

/** C6's first condition: able to perform. Shown by assets found (even if not controlled) or assets hidden. */
export function ableToPay(state: EnforcementCase): boolean {
  const found = Object.values(state.assets).some(
    (a) => (a.balanceFen ?? 0) > 0 || a.class === 'real-estate' || a.class === 'vehicle',
  );
  return found || conductKinds(state).includes('assets-hidden');
}

export interface ListingPlan {
  readonly grounds: readonly ConductKind[];
  /** The grounds of 第一条 (1-6) the conduct shows, in order. */
  readonly articleGrounds: readonly number[];
  /** Absent for ground (一) alone: that listing has no fixed term (第二条). */
  readonly years?: number;
}

/** 第四条: a person under 18 on `today`, by the birth date in the resident ID number; unknown is not a minor. */
export function isMinor(party: Pick<Party, 'kind' | 'idNumber'>, today: string, adultAge: number): boolean {
  if (party.kind !== 'person') return false;
  const birth = /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[\dXx]$/.exec(party.idNumber);
  if (!birth) return false;
  const [, y, m, d] = birth;
  return `${Number(y) + adultAge}-${m}-${d}` > today;
}

/** 第三条第二项: money already frozen (or deducted and held) covers what is still owed. */
export function seizedPropertySuffices(state: EnforcementCase): boolean {
  const outstanding = outstandingFen(state);
  const frozen = Object.values(state.assets)
    .filter((a) => a.status === 'frozen')
    .reduce((sum, a) => sum + a.frozenFen, 0);
  return outstanding > 0 && frozen >= outstanding;
}

/**
 * C6 (法释〔2017〕7号): which grounds of 第一条 the case shows, and for how long. Ground (一) needs the ability to pay
 * and is barred by 第三条 (security, enough already seized); (二)-(六) need no ability and last 2 years, extended by a
 * year for violence or several different grounds (第二条). A minor is never listed (第四条).
 */
export function listingPlan(state: EnforcementCase, rules: Rules, today?: string): ListingPlan | null {
  const c6 = rules.C6;
  if (outstandingFen(state) === 0) return null;
  const day = today ?? chinaDateOf(state.filedAt);
  const adults = state.respondents.filter((r) => !(c6.minorsExcluded && isMinor(r, day, c6.adultAge)));
  if (adults.length === 0) return null;
  const table = c6.grounds as Readonly<Record<string, number>>;
  const kinds = adults.flatMap((r) => conductKinds(state, r.partyId)).filter((k) => table[k] !== undefined);
  const abilityGround = ableToPay(state) && !seizedPropertySuffices(state);
  const grounds = [...new Set(kinds)].filter((k) => table[k] !== c6.abilityGround || abilityGround);
  if (grounds.length === 0) return null;
  const articleGrounds = [...new Set(grounds.map((k) => table[k] ?? 0))].sort((a, b) => a - b);
  const termed = articleGrounds.filter((g) => g !== c6.abilityGround);
  if (termed.length === 0) return { grounds, articleGrounds };
  const extended = grounds.includes('violent-obstruction') || termed.length > 1;
  return { grounds, articleGrounds, years: c6.listingYears + (extended ? c6.extensionMinYears : 0) };
}

export interface SanctionPlan {
  readonly kind: SanctionKind;
  readonly respondentId: string;
  readonly grounds: readonly ConductKind[];
  readonly proposedFen?: Fen;
  readonly proposedDays?: number;
}

const DETENTION_GROUNDS: readonly ConductKind[] = ['violent-obstruction', 'obstruction', 'refusal-with-ability'];
const FINE_GROUNDS: readonly ConductKind[] = [
  'report-refused',
  'report-false',
  'assets-hidden',
  'consumption-violation',
];

/**
 * C1/C2: obstruction of enforcement calls for detention of the person, a breach of the asset-report duty (A9) or
 * hidden assets for a fine; an organisation is fined. The amount or days come from P-SANCTION, within C1.
 */
export function sanctionPlan(state: EnforcementCase, rules: Rules): SanctionPlan | null {
  for (const respondent of state.respondents) {
    const kinds = conductKinds(state, respondent.partyId);
    const detention = kinds.filter((k) => DETENTION_GROUNDS.includes(k));
    const fine = kinds.filter((k) => FINE_GROUNDS.includes(k));
    if (detention.length > 0 && respondent.kind === 'person') {
      return {
        kind: 'detention',
        respondentId: respondent.partyId,
        grounds: [...new Set(detention)],
        proposedDays: Math.min(rules.P_SANCTION.detentionDays, rules.C1.detentionMaxDays),
      };
    }
    if (detention.length > 0 || fine.length > 0) {
      return {
        kind: 'fine',
        respondentId: respondent.partyId,
        grounds: [...new Set([...detention, ...fine])],
        proposedFen: proposedFine(respondent, rules),
      };
    }
  }
  return null;
}

function proposedFine(respondent: Party, rules: Rules): Fen {
  const { C1, P_SANCTION } = rules;
  if (respondent.kind === 'person') return fen(Math.min(P_SANCTION.personFineFen, C1.personFineMaxFen));
  return fen(Math.min(Math.max(P_SANCTION.organisationFineFen, C1.organisationFineMinFen), C1.organisationFineMaxFen));
}

/** C1: the limit a decided fine or detention breaks, named; undefined when within the limits. */
export function sanctionLimitProblem(
  kind: SanctionKind,
  respondent: Pick<Party, 'kind'>,
  value: { readonly amountFen?: number; readonly days?: number },
  rules: Rules,
): string | undefined {
  const { C1 } = rules;
  if (kind === 'detention') {
    if (respondent.kind !== 'person') return '拘留只能对个人（或单位的负责人）适用（C1）';
    const days = value.days;
    if (days === undefined || !Number.isInteger(days) || days < 1) return '拘留期限须为至少1日的整日数（C1）';
    if (days > C1.detentionMaxDays) return `拘留期限不得超过${C1.detentionMaxDays}日（C1）`;
    return undefined;
  }
  const amount = value.amountFen;
  if (amount === undefined || !Number.isSafeInteger(amount) || amount <= 0) return '罚款金额须为正的整数分（C1）';
  if (respondent.kind === 'person' && amount > C1.personFineMaxFen) {
    return `对个人的罚款不得超过${C1.personFineMaxFen / 100 / 10_000}万元（C1）`;
  }
  if (
    respondent.kind === 'organisation' &&
    (amount < C1.organisationFineMinFen || amount > C1.organisationFineMaxFen)
  ) {
    return `对单位的罚款应在${C1.organisationFineMinFen / 100 / 10_000}万元至${C1.organisationFineMaxFen / 100 / 10_000}万元之间（C1）`;
  }
  return undefined;
}

/** C4: whom a consumption restriction binds: the respondent, and for an organisation its responsible persons. */
export function restrictionScope(state: EnforcementCase, rules: Rules): { partyId: string; role: string }[] {
  return state.respondents.flatMap((r) =>
    r.kind === 'person'
      ? [{ partyId: r.partyId, role: 'respondent' }]
      : [
          { partyId: r.partyId, role: 'respondent' },
          ...rules.C4.organisationBinds.map((role) => ({ partyId: r.partyId, role })),
        ],
  );
}

/** A consumption restriction not lifted, or a listing not removed (C5, C6). */
export function measuresInForce(state: EnforcementCase): boolean {
  const c = state.coercion;
  return (
    (c?.restriction !== undefined && !c.restriction.liftedAt) || (c?.listing !== undefined && !c.listing.removedAt)
  );
}

/**
 * C5: why the restriction is to be lifted now, or undefined: full performance (限高规定 第九条: 应当解除), or a case
 * closed in one of P-CLOSURE-LIFTING's ways (termination, non-enforcement, withdrawal, rejection).
 */
export function restrictionLiftDue(state: EnforcementCase, rules: Rules): string | undefined {
  const restriction = state.coercion?.restriction;
  if (!restriction || restriction.liftedAt) return undefined;
  if (outstandingFen(state) === 0) return 'full-performance';
  const way = state.closure?.way;
  const ways: readonly string[] = rules.P_CLOSURE_LIFTING.ways;
  return state.status === 'closed' && way !== undefined && ways.includes(way) ? way : undefined;
}

/**
 * A restriction to lift or a listing to remove (C5, C6; see ./removal.ts): coercion has lifting left to do. `today`
 * decides whether a listing's term has ended.
 */
export function liftingDue(state: EnforcementCase, rules: Rules, today: LocalDate): boolean {
  return restrictionLiftDue(state, rules) !== undefined || listingRemovalDue(state, rules, today) !== undefined;
}

/**
 * Lifting due, or lifted but not yet confirmed by every partner: the removal's node still open (C6), or the
 * restriction's lifting (C5) unacknowledged by somebody. A coercion run lifting on a closed case goes on while this
 * holds; its own rounds and the removal's deadline end it (./plan.ts), so it never runs on for ever.
 */
export function liftingUnfinished(state: EnforcementCase): boolean {
  // On a closed case a restriction or listing in force may be due for lifting (a closure's way, a ground of 第十条,
  // the end of the term): the coercion run decides, and on a closed case it does nothing else (./plan.ts).
  if (state.status === 'closed' && measuresInForce(state)) return true;
  if (measuresInForce(state) && outstandingFen(state) === 0) return true;
  const c = state.coercion;
  if (c?.listing?.removedAt && state.nodes['listing-removal']?.status === 'open') return true;
  const lifted = c?.published['restriction-lifted'];
  return (
    c?.restriction?.liftedAt !== undefined &&
    (lifted === undefined || lifted.acknowledged.length < CREDIT_RECIPIENTS.length)
  );
}
