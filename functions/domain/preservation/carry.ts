/**
 * 诉执衔接: preservations (保全) made before or during the lawsuit, carried into the enforcement case filed for the same
 * parties (B3-CARRY: 民诉法解释 第一百六十八条). A carried seizure keeps its own start and expiry: the term runs on,
 * it is not restarted, and no new ruling is made; a seizure whose period ran out before filing does not carry.
 * Preservations not yet carried are watched: one about to expire is told to the command center (P-PRESERVATION-ALERT).
 */
import { compareDates, type Instant, type LocalDate, plusDays } from '../calendar/local-date.ts';
import type { Asset, AssetClass, Court, EnforcementCase } from '../case/model.ts';
import { derivedId, normaliseCaseNumber } from '../ids.ts';
import { type Fen, fen } from '../money.ts';
import type { Rules } from '../rules/table.ts';

export interface PreservedSeizure {
  readonly seizureId: string;
  /** Keyed party id (domain/ids.ts partyIdFor): the ID number itself is never kept. */
  readonly respondentId: string;
  readonly class: AssetClass;
  readonly channel: string;
  readonly institution: string;
  readonly reference: string;
  readonly amountFen: Fen;
  readonly seizedOn: LocalDate;
  readonly expiresOn: LocalDate;
  readonly status: 'held' | 'lifted';
  readonly locatedCourt?: Court;
}

export type PreservationKind = 'pre-litigation' | 'in-litigation' | 'pre-enforcement';

/** One preservation ruling as the preservation center last reported it, and what became of it here. */
export interface Preservation {
  readonly preservationId: string;
  readonly court: Court;
  readonly rulingNumber: string;
  readonly kind: PreservationKind;
  readonly ruledOn: LocalDate;
  readonly lawsuitCaseNumber?: string;
  readonly revision: number;
  readonly applicantIds: readonly string[];
  readonly respondentIds: readonly string[];
  readonly seizures: readonly PreservedSeizure[];
  readonly receivedAt: Instant;
  readonly eventId: string;
  /** held: waiting for an enforcement case; carried: its seizures are the case's; ended: nothing held any more. */
  readonly status: 'held' | 'carried' | 'ended';
  readonly carriedInto?: { readonly caseId: string; readonly caseNumber: string; readonly at: Instant };
  /** The expiry the command center was last told of (once per expiry). */
  readonly alertedFor?: LocalDate;
  readonly version: number;
}

export function preservationIdFor(courtCode: string, rulingNumber: string): string {
  return derivedId('v', 'preservation', courtCode.trim().toUpperCase(), normaliseCaseNumber(rulingNumber));
}

/** Seizures the center reports held (lifted ones are gone). */
export function heldSeizures(p: Preservation): PreservedSeizure[] {
  return p.seizures.filter((s) => s.status === 'held');
}

/** The earliest expiry of what the ruling still holds (on or after `today`, when given). */
export function earliestExpiry(p: Preservation, today?: LocalDate): LocalDate | undefined {
  return heldSeizures(p)
    .map((s) => s.expiresOn)
    .filter((date) => today === undefined || compareDates(date, today) >= 0)
    .sort(compareDates)[0];
}

/**
 * The same parties: the preservation's applicant is one of the case's applicants and its respondent one of the
 * case's respondents, in the same court. Keyed party ids compare as the ID numbers would.
 */
export function sameParties(p: Preservation, state: Pick<EnforcementCase, 'court' | 'applicants' | 'respondents'>) {
  if (p.court.code !== state.court.code) return false;
  const applicants = new Set(state.applicants.map((a) => a.partyId));
  const respondents = new Set(state.respondents.map((r) => r.partyId));
  return p.applicantIds.some((id) => applicants.has(id)) && p.respondentIds.some((id) => respondents.has(id));
}

export type ExclusionReason = 'expired' | 'lifted' | 'other-party' | 'already-held';

export interface Carry {
  readonly assets: readonly Asset[];
  readonly excluded: readonly { readonly seizureId: string; readonly reason: ExclusionReason }[];
}

function isMoneyClass(assetClass: AssetClass): boolean {
  return assetClass === 'deposit' || assetClass === 'online-funds';
}

export function carriedAssetId(caseId: string, preservationId: string, seizureId: string): string {
  return derivedId('s', caseId, 'preserved', preservationId, seizureId);
}

/**
 * What the case takes over on the day it is filed (`filedOn`): every seizure still held and not expired, of a
 * respondent of the case, as a frozen or sealed asset with the seizure's own dates (B3-CARRY: the term runs on).
 */
export function carryInto(
  state: Pick<EnforcementCase, 'caseId' | 'respondents' | 'assets'>,
  p: Preservation,
  filedOn: LocalDate,
  rules: Pick<Rules, 'B3_CARRY'>,
): Carry {
  const respondents = new Set(state.respondents.map((r) => r.partyId));
  const held = new Set(Object.values(state.assets).map((a) => `${a.channel}|${a.reference}`));
  const assets: Asset[] = [];
  const excluded: { seizureId: string; reason: ExclusionReason }[] = [];
  for (const s of p.seizures) {
    const assetId = carriedAssetId(state.caseId, p.preservationId, s.seizureId);
    if (state.assets[assetId]) continue;
    if (s.status === 'lifted') excluded.push({ seizureId: s.seizureId, reason: 'lifted' });
    else if (!respondents.has(s.respondentId)) excluded.push({ seizureId: s.seizureId, reason: 'other-party' });
    else if (rules.B3_CARRY.lapsedExcluded && compareDates(s.expiresOn, filedOn) < 0)
      excluded.push({ seizureId: s.seizureId, reason: 'expired' });
    else if (held.has(`${s.channel}|${s.reference}`)) excluded.push({ seizureId: s.seizureId, reason: 'already-held' });
    else {
      const money = isMoneyClass(s.class);
      assets.push({
        assetId,
        respondentId: s.respondentId,
        class: s.class,
        channel: s.channel,
        institution: s.institution,
        reference: s.reference,
        ...(money ? { balanceFen: s.amountFen } : {}),
        ...(s.locatedCourt ? { locatedCourt: s.locatedCourt } : {}),
        frozenFen: money ? s.amountFen : fen(0),
        deductedFen: fen(0),
        status: money ? 'frozen' : 'sealed',
        seizedOn: s.seizedOn,
        freezeExpiresOn: s.expiresOn,
        preserved: { preservationId: p.preservationId, rulingNumber: p.rulingNumber, seizureId: s.seizureId },
      });
    }
  }
  return { assets, excluded };
}

/**
 * Whether the command center must hear of a preservation now: still waiting for its enforcement case, the earliest
 * expiry still to come within the lead, and not yet told of that expiry (a seizure that had already expired when
 * the ruling was reported is not news). Told once per expiry.
 */
export function preservationAlertDue(p: Preservation, today: LocalDate, rules: Pick<Rules, 'P_PRESERVATION_ALERT'>) {
  if (p.status !== 'held') return undefined;
  const expiry = earliestExpiry(p, today);
  if (!expiry || p.alertedFor === expiry) return undefined;
  const lead = rules.P_PRESERVATION_ALERT.lead;
  if (!('days' in lead)) throw new Error('P-PRESERVATION-ALERT is counted in days');
  if (compareDates(today, plusDays(expiry, -lead.days)) < 0) return undefined;
  return { expiresOn: expiry };
}

/** The last expiry the sweep must look at today: anything expiring later is not due to be told yet. */
export function alertHorizon(today: LocalDate, rules: Pick<Rules, 'P_PRESERVATION_ALERT'>): LocalDate {
  const lead = rules.P_PRESERVATION_ALERT.lead;
  if (!('days' in lead)) throw new Error('P-PRESERVATION-ALERT is counted in days');
  return plusDays(today, lead.days);
}

/** Nothing the ruling holds is still in force: it waits for nothing any more. */
export function preservationEnded(p: Preservation, today: LocalDate): boolean {
  return p.status === 'held' && earliestExpiry(p, today) === undefined;
}

/** Chinese line for the command center: no names, the ruling number and the dates only. */
export function preservationAlertMessage(p: Preservation, due: { expiresOn: LocalDate }): string {
  const count = heldSeizures(p).filter((s) => s.expiresOn === due.expiresOn).length;
  return `保全${p.rulingNumber}：${count}项保全措施将于${due.expiresOn}到期，尚未立案执行，到期未转为执行措施即失效，请提示申请人及时申请执行或申请续行保全（P-PRESERVATION-ALERT）`;
}
