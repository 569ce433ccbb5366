/**
 * Seizure book-keeping and renewals (B1, B2, P-RENEWAL). Every held seizure has its start and expiry by class;
 * its renewal goes out a policy lead before expiry (earlier through an entrusted court, H1), is sent again when
 * refused or unanswered, and is escalated to the command center before the seizure could lapse. The watch
 * executions only loop over `planRenewals`.
 */
import type { Period } from '../calendar/legal-calendar.ts';
import {
  chinaDateOf,
  compareDates,
  endOfChinaDay,
  type Instant,
  isBefore,
  type LocalDate,
  plusDays,
  plusMonths,
  plusSeconds,
  startOfChinaDay,
} from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { Asset, Court, EnforcementCase, TimeNode } from '../case/model.ts';
import { seizurePeriod } from '../control/plan.ts';
import type { Rules } from '../rules/table.ts';

/** Statuses in which the court holds the asset: frozen, sealed, or sealed through the court where it lies. */
export const HELD_STATUSES: readonly Asset['status'][] = ['frozen', 'sealed', 'entrusted'];

export function isHeld(asset: Asset): boolean {
  return HELD_STATUSES.includes(asset.status);
}

export function heldAssets(state: EnforcementCase): Asset[] {
  return Object.values(state.assets)
    .filter(isHeld)
    .sort((a, b) => a.assetId.localeCompare(b.assetId));
}

/** Held with a known expiry: an entrusted matter not yet done has none until the entrusted court answers. */
export function renewableAssets(state: EnforcementCase): Asset[] {
  return heldAssets(state).filter((a) => a.freezeExpiresOn !== undefined && a.status !== 'entrusted');
}

/** The court that renews it when it lies elsewhere (H1): the court the matter was entrusted to. */
export function renewingCourt(state: EnforcementCase, asset: Asset): Court | undefined {
  const matter = Object.values(state.entrustments).find((m) => m.assetId === asset.assetId);
  return matter?.toCourt;
}

function days(period: Period): number {
  if (!('days' in period)) throw new Error('P-RENEWAL periods are counted in days');
  return period.days;
}

export interface RenewalDates {
  readonly expiresOn: LocalDate;
  readonly sendOn: LocalDate;
  readonly escalateOn: LocalDate;
}

/** When the renewal of the asset's current period goes out, and when it is escalated if not done. */
export function renewalDates(state: EnforcementCase, asset: Asset, rules: Rules): RenewalDates | undefined {
  const expiresOn = asset.freezeExpiresOn;
  if (!expiresOn) return undefined;
  const policy = rules.P_RENEWAL;
  const lead = renewingCourt(state, asset) ? policy.entrustedLead : policy.lead;
  return {
    expiresOn,
    sendOn: plusDays(expiresOn, -days(lead)),
    escalateOn: plusDays(expiresOn, -days(policy.escalateBefore)),
  };
}

/** B2: a renewal runs on from the old expiry, for as long as the class's B1 period. */
export function renewedExpiry(asset: Asset, from: LocalDate, rules: Rules): LocalDate {
  return plusMonths(from, seizurePeriod(asset.class, rules).months);
}

/** The node the command center sees: due when a renewal not yet done is escalated, well before the expiry. */
export function renewalNode(assetId: string, dates: RenewalDates, today: LocalDate, rules: Rules): TimeNode {
  return {
    node: `renewal:${assetId}`,
    ruleId: rules.B2.id,
    startedOn: today,
    dueDate: dates.escalateOn,
    dueAt: endOfChinaDay(dates.escalateOn),
    unconfirmedYears: [],
    status: 'open',
  };
}

export type RenewalNext =
  | { readonly kind: 'renew'; readonly assetIds: readonly string[] }
  | { readonly kind: 'wait'; readonly until: Instant }
  | { readonly kind: 'chain' }
  | { readonly kind: 'done'; readonly reason: string };

export interface RenewalPlan {
  readonly events: readonly CaseEvent[];
  /** What the command center must hear (Chinese, without names). */
  readonly alerts: readonly { readonly kind: 'node-overdue' | 'needs-attention'; readonly message: string }[];
  readonly next: RenewalNext;
}

/** Working-day morning of a date: when the watch wakes for it. */
function morningOf(date: LocalDate): Instant {
  return plusSeconds(startOfChinaDay(date), 9 * 3600);
}

function label(asset: Asset): string {
  return `${asset.institution}${asset.reference}`;
}

/**
 * What the renewal watch does now: schedule what is newly held, escalate what is late, record a lapse (only ever
 * after its escalation), send the renewals that are due, or wait for the next date that matters. One execution
 * waits no longer than P-RENEWAL's watch span after it started (`watchStartedAt`), then hands over (`chain`).
 */
export function planRenewals(state: EnforcementCase, rules: Rules, now: Instant, watchStartedAt: Instant): RenewalPlan {
  const today = chinaDateOf(now);
  const policy = rules.P_RENEWAL;
  const events: CaseEvent[] = [];
  const alerts: { kind: 'node-overdue' | 'needs-attention'; message: string }[] = [];
  if (heldAssets(state).length === 0) {
    return { events, alerts, next: { kind: 'done', reason: '已无查封、冻结中的财产' } };
  }
  const due: string[] = [];
  const wakes: LocalDate[] = [];
  for (const asset of renewableAssets(state)) {
    const dates = renewalDates(state, asset, rules);
    if (!dates) continue;
    const nodeId = `renewal:${asset.assetId}` as const;
    const scheduled = asset.renewal?.expiresOn === dates.expiresOn ? asset.renewal : undefined;
    if (!scheduled) {
      events.push(
        { type: 'renewal-scheduled', assetId: asset.assetId, ...dates },
        { type: 'node-set', node: renewalNode(asset.assetId, dates, today, rules) },
      );
    }
    const attempts = scheduled?.attempts ?? 0;
    const exhausted = scheduled?.exhausted === true;
    let escalated = scheduled?.escalated === true;
    const escalate = (reason: string) => {
      if (escalated) return;
      escalated = true;
      events.push({ type: 'renewal-escalated', assetId: asset.assetId, reason });
      alerts.push({
        kind: 'node-overdue',
        message: `${label(asset)}的查封、冻结将于${dates.expiresOn}到期，${reason}，请承办人立即处理（B2）`,
      });
    };
    const nodeOpen = (state.nodes[nodeId]?.status ?? 'open') === 'open' || !scheduled;
    if (today > dates.expiresOn) {
      // A lapse is never the first the command center hears of it.
      if (nodeOpen) events.push({ type: 'node-overdue', node: nodeId, at: now });
      escalate('续行手续未能办结');
      events.push({ type: 'seizure-lapsed', assetId: asset.assetId, expiredOn: dates.expiresOn });
      alerts.push({
        kind: 'needs-attention',
        message: `${label(asset)}的查封、冻结已于${dates.expiresOn}到期失效，未能续行（B2）`,
      });
      continue;
    }
    if (today >= dates.escalateOn) {
      if (nodeOpen) events.push({ type: 'node-overdue', node: nodeId, at: now });
      escalate(`距到期已不足${days(policy.escalateBefore)}日仍未续行`);
    } else if (exhausted) {
      escalate(`续行已${attempts}次未成功`);
    }
    wakes.push(plusDays(dates.expiresOn, 1));
    if (!escalated) wakes.push(dates.escalateOn);
    if (exhausted || attempts >= policy.attempts) continue;
    const nextAttempt =
      scheduled?.lastAttemptOn !== undefined
        ? plusDays(scheduled.lastAttemptOn, days(policy.retryAfter))
        : dates.sendOn;
    const attemptOn = compareDates(nextAttempt, dates.sendOn) > 0 ? nextAttempt : dates.sendOn;
    if (today >= attemptOn) due.push(asset.assetId);
    else wakes.push(attemptOn);
  }
  if (due.length > 0) return { events, alerts, next: { kind: 'renew', assetIds: due } };
  const horizon = plusSeconds(watchStartedAt, days(policy.watchSpan) * 86_400);
  if (!isBefore(now, horizon)) return { events, alerts, next: { kind: 'chain' } };
  const earliest = wakes.sort()[0];
  const wake = earliest ? morningOf(earliest) : horizon;
  const until = isBefore(wake, horizon) ? wake : horizon;
  return { events, alerts, next: { kind: 'wait', until: isBefore(now, until) ? until : plusSeconds(now, 60) } };
}
