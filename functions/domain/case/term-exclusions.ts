/**
 * A1 and TERM-EXCLUDED (法释〔2000〕29号 第九条): periods not counted in the enforcement term. A suspension or
 * deferral moves the term on when it is lifted (disputes/suspension.ts); this module does the same for the
 * disposal's periods: a commissioned appraisal (第（八）项, 评估) and the auction or sale of seized property (第（十二）
 * 项, 拍卖、变卖), from its first announcement until the lot is sold, taken in lieu or released. While one of these
 * periods runs the term is paused: its node is not warned about nor marked overdue; when the period ends, the term's
 * due date moves on by its days, each period counted once (its key kept on the node).
 */
import {
  chinaDateOf,
  daysBetween,
  endOfChinaDay,
  type Instant,
  type LocalDate,
  plusDays,
} from '../calendar/local-date.ts';
import { suspendedDaysWithin } from '../disputes/suspension-resume.ts';
import type { Rules } from '../rules/table.ts';
import type { CaseEvent } from './events.ts';
import type { EnforcementCase, ExcludedSpan, Lot, TimeNode } from './model.ts';

const TERM_NODE = 'enforcement-term';
const DISPOSED: readonly Lot['status'][] = ['sold', 'in-lieu', 'released'];

/** One excluded period of a lot, as far as it has run: its key, kind, first day and, once it ended, last state. */
interface LotPeriod {
  readonly key: string;
  readonly period: ExcludedSpan['period'];
  readonly from: LocalDate;
  readonly ended: boolean;
}

function lotPeriods(lot: Lot): LotPeriod[] {
  const periods: LotPeriod[] = [];
  const pricing = lot.pricing;
  if (pricing?.method === 'appraisal')
    periods.push({
      key: `appraisal:${lot.assetId}:${pricing.startedAt}`,
      period: 'appraisal-or-audit',
      from: chinaDateOf(pricing.startedAt),
      ended: lot.status !== 'pricing' || pricing.failed === true,
    });
  const first = lot.rounds[0];
  if (first)
    periods.push({
      key: `auction-or-sale:${lot.assetId}`,
      period: 'auction-or-sale',
      from: chinaDateOf(first.announcedAt),
      ended: DISPOSED.includes(lot.status),
    });
  return periods;
}

function termNode(state: EnforcementCase, rules: Pick<Rules, 'A1'>): TimeNode | undefined {
  const term = state.nodes[TERM_NODE];
  return term && term.status !== 'met' && term.ruleId === rules.A1.id ? term : undefined;
}

/** Whether the enforcement term is paused now: a suspension or deferral in force, an appraisal or a sale running. */
export function termPaused(state: EnforcementCase, rules: Pick<Rules, 'A1'>): boolean {
  const term = termNode(state, rules);
  if (!term) return false;
  if (state.suspension?.status === 'in-force') return true;
  const counted = term.excluded?.map((e) => e.key) ?? [];
  return Object.values(state.disposal?.lots ?? {}).some((lot) =>
    lotPeriods(lot).some((p) => !p.ended && !counted.includes(p.key)),
  );
}

/**
 * The term moved on by a disposal period that ended and was not yet counted, or undefined. The days are those from
 * the period's first day to `now`'s day: the day it ends is counted again in the term.
 */
export function termExclusionDue(
  state: EnforcementCase,
  rules: Pick<Rules, 'A1'>,
  now: Instant,
): CaseEvent | undefined {
  const term = termNode(state, rules);
  if (!term) return undefined;
  const counted = term.excluded?.map((e) => e.key) ?? [];
  const today = chinaDateOf(now);
  for (const lot of Object.values(state.disposal?.lots ?? {})) {
    const period = lotPeriods(lot).find((p) => p.ended && !counted.includes(p.key));
    if (!period) continue;
    // Days a suspension stopped enforcement within the period are excluded by its lifting: not a second time.
    const days = Math.max(0, daysBetween(period.from, today) - suspendedDaysWithin(state, period.from, today));
    const dueDate = plusDays(term.dueDate, days);
    const span: ExcludedSpan = { key: period.key, period: period.period, from: period.from, to: today, days };
    const node: TimeNode = {
      ...term,
      dueDate,
      dueAt: endOfChinaDay(dueDate),
      originalDueDate: term.originalDueDate ?? term.dueDate,
      excluded: [...(term.excluded ?? []), span],
    };
    return { type: 'node-set', node, excluded: span };
  }
  return undefined;
}
