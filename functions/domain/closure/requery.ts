/**
 * G3: after 终本 the court queries the respondent's assets through the network every 6 months for 5 years,
 * restrictions staying in force; disposable assets found mean resumption (恢复执行) as a new case, which the
 * court's filing system files. The watch executions only loop over `planRequery`.
 */
import {
  chinaDateOf,
  type Instant,
  type LocalDate,
  plusMonths,
  plusSeconds,
  startOfChinaDay,
} from '../calendar/local-date.ts';
import type { Asset, EnforcementCase } from '../case/model.ts';
import type { Rules } from '../rules/table.ts';

export type RequeryNext =
  | { readonly kind: 'query'; readonly round: number }
  | { readonly kind: 'wait'; readonly until: Instant; readonly round: number }
  | { readonly kind: 'done'; readonly reason: string };

/** How many queries G3 asks for: one every interval over the span. */
export function requeryRounds(rules: Rules): number {
  return Math.floor(rules.G3.span.months / rules.G3.interval.months);
}

/** The day the `round`-th query is due: that many intervals after the day of the closure. */
export function requeryDue(state: EnforcementCase, round: number, rules: Rules): LocalDate | undefined {
  if (state.closure?.way !== 'final-round-closure') return undefined;
  return plusMonths(chinaDateOf(state.closure.at), rules.G3.interval.months * round);
}

export function planRequery(state: EnforcementCase, rules: Rules, now: Instant): RequeryNext {
  if (state.closure?.way !== 'final-round-closure') return { kind: 'done', reason: '案件未以终结本次执行程序方式结案' };
  if (state.resumedAs) return { kind: 'done', reason: `已恢复执行（${state.resumedAs.caseNumber}）` };
  if (state.requery?.resumptionRequestedAt) return { kind: 'done', reason: '已申请恢复执行' };
  if (state.requery?.ended) return { kind: 'done', reason: '定期查询期限届满' };
  const round = (state.requery?.rounds ?? 0) + 1;
  if (round > requeryRounds(rules)) return { kind: 'done', reason: '定期查询期限届满' };
  const due = requeryDue(state, round, rules);
  if (!due) return { kind: 'done', reason: '案件未以终结本次执行程序方式结案' };
  if (chinaDateOf(now) >= due) return { kind: 'query', round };
  return { kind: 'wait', until: plusSeconds(startOfChinaDay(due), 9 * 3600), round };
}

/** What a re-query found that enforcement can act on: money, or property. */
export function disposable(asset: Pick<Asset, 'class' | 'balanceFen'>): boolean {
  if (asset.class === 'deposit' || asset.class === 'online-funds') return (asset.balanceFen ?? 0) > 0;
  return true;
}
