/**
 * M-RELIEF: state judicial relief for an applicant in hardship. The court decides within the usual cap (36 months
 * of the province's previous-year average monthly wage, RELIEF-WAGE: published statistics, a row per province and
 * year; none for the court's province, and relief cannot be applied for) or, exceptionally, up to what is still unpaid under the basis;
 * the fund pays it; money later enforced for that applicant first repays the fund, up to the relief (the
 * disbursement pays it to the fund's payee, ../disbursement/plan.ts), so the figures reconcile to the fen.
 */
import { chinaDateOf, type LocalDate } from '../calendar/local-date.ts';
import type { Court, EnforcementCase } from '../case/model.ts';
import { ledgerTotal } from '../case/reducer.ts';
import { outstandingFen } from '../control/plan.ts';
import { type Fen, fen, formatYuan } from '../money.ts';
import type { Rules } from '../rules/table.ts';

/** The payee that repays the judicial-relief fund out of an applicant's share of the enforcement money. */
export function reliefPayee(applicantId: string): string {
  return `fund:judicial-relief:${applicantId}`;
}

export function isReliefPayee(payeeId: string): boolean {
  return payeeId.startsWith('fund:judicial-relief:');
}

/** The applicant a relief payee repays for. */
export function reliefApplicant(payeeId: string): string {
  return payeeId.slice('fund:judicial-relief:'.length);
}

export type WageFigure = Rules['RELIEF_WAGE']['figures'][number];

/** The base of the usual cap: the court's province's figure for the year before `appliedOn` (RELIEF-WAGE). */
export type WageBase =
  | { readonly ok: true; readonly figure: WageFigure; readonly wanted: number; readonly usualFen: Fen }
  | { readonly ok: false; readonly problem: string };

export function reliefWageBase(
  court: Court,
  appliedOn: LocalDate,
  rules: Pick<Rules, 'RELIEF_WAGE' | 'M_RELIEF'>,
): WageBase {
  const wanted = Number(appliedOn.slice(0, 4)) - 1;
  const province = rules.RELIEF_WAGE.figures.filter((f) => f.courts.some((prefix) => court.code.startsWith(prefix)));
  // The previous year's figure, else (not published yet) the latest earlier one.
  const figure = province.filter((f) => f.year <= wanted).sort((a, b) => b.year - a.year)[0];
  if (!figure)
    return {
      ok: false,
      problem: `本院所在省${wanted}年度（或此前最近年度）职工平均工资未配置（RELIEF-WAGE），无法计算司法救助金上限；请本院按统计部门公布数配置后再申请`,
    };
  // 36 months of the monthly average: the annual figure × 36 / 12, rounded down to the fen.
  const usualFen = fen(Math.floor((figure.annualFen * rules.M_RELIEF.capMonths) / 12));
  return { ok: true, figure, wanted, usualFen };
}

/** One line for the decider: which figure the cap stands on. */
export function wageBaseLine(base: Extract<WageBase, { ok: true }>): string {
  const f = base.figure;
  const late = f.year < base.wanted ? `；${base.wanted}年度数据尚未公布，按${f.year}年度` : '';
  return `${f.province}${f.year}年${f.statistic}${formatYuan(fen(f.annualFen))}（${f.source}${late}）`;
}

function appliedOn(state: EnforcementCase): LocalDate {
  const at = state.measures?.relief?.appliedAt;
  return at ? chinaDateOf(at) : chinaDateOf(state.filedAt);
}

/** The usual cap and the absolute one (what is still unpaid), in fen; the usual one needs the wage base. */
export function reliefCaps(
  state: EnforcementCase,
  rules: Rules,
): { readonly usualFen: Fen; readonly absoluteFen: Fen; readonly base: WageBase } {
  const base = reliefWageBase(state.court, appliedOn(state), rules);
  if (!base.ok) throw new WageBaseMissingError(base.problem);
  return { usualFen: base.usualFen, absoluteFen: outstandingFen(state), base };
}

/** The court has no wage figure for its province: relief cannot be capped (refused at application already). */
export class WageBaseMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WageBaseMissingError';
  }
}

/** Why relief cannot be applied for; undefined when it can. */
export function reliefApplicationProblem(
  state: EnforcementCase,
  application: { readonly applicantId: string; readonly hardship: string; readonly requestedFen: number },
  rules: Rules,
  today: LocalDate,
): string | undefined {
  if (state.status === 'filed') return '案件尚未进入执行，不能申请司法救助';
  if (!state.applicants.some((a) => a.partyId === application.applicantId)) return 'applicantId：本案没有该申请执行人';
  if (application.hardship.trim().length < 2) return 'hardship：须写明生活面临的急迫困难';
  if (!Number.isSafeInteger(application.requestedFen) || application.requestedFen <= 0)
    return 'requestedFen：申请救助金额须为正的整数分';
  const relief = state.measures?.relief;
  if (relief && relief.status !== 'refused' && relief.applicantId === application.applicantId)
    return `同一案件的同一当事人只救助${rules.M_RELIEF.grantsPerParty}次（M-RELIEF）`;
  if (relief && (relief.status === 'applied' || relief.status === 'granted')) return '本案已有待办的司法救助申请';
  if (outstandingFen(state) === 0) return '执行款已全部到位，无须救助';
  const base = reliefWageBase(state.court, today, rules);
  if (!base.ok) return base.problem;
  return undefined;
}

/** M-RELIEF: why a granted amount is refused; undefined within the caps (above the usual one only if exceptional). */
export function reliefGrantProblem(
  state: EnforcementCase,
  grantedFen: number,
  exceptional: boolean,
  rules: Rules,
): string | undefined {
  if (!Number.isSafeInteger(grantedFen) || grantedFen <= 0) return '救助金额须为正的整数分';
  const requested = state.measures?.relief?.requestedFen;
  if (requested !== undefined && grantedFen > requested)
    return `救助金额不得超过申请金额（${requested / 100}元）：决定在申请的范围内作出`;
  const { usualFen, absoluteFen } = reliefCaps(state, rules);
  if (grantedFen > absoluteFen) return `救助金额不得超过尚未执行到位的标的数额（${absoluteFen / 100}元，M-RELIEF）`;
  if (grantedFen > usualFen && !exceptional)
    return `救助金额一般不超过${rules.M_RELIEF.capMonths}个月的月平均工资总额（${usualFen / 100}元）；损失特别重大、生活特别困难的，须写明 exceptional（M-RELIEF）`;
  return undefined;
}

/** Relief paid and not yet repaid to the fund from enforcement money. */
export function reliefToRecoverFen(state: EnforcementCase): Fen {
  const relief = state.measures?.relief;
  if (relief?.status !== 'paid' || relief.grantedFen === undefined) return fen(0);
  return fen(Math.max(0, relief.grantedFen - reliefRecoveredFen(state)));
}

/** Repaid to the fund so far (the disbursements to the fund's payee). */
export function reliefRecoveredFen(state: EnforcementCase): Fen {
  const relief = state.measures?.relief;
  return fen(relief ? ledgerTotal(state, 'disbursed', reliefPayee(relief.applicantId)) : 0);
}
