/**
 * Which on-site acts a case is waiting for (issue 17, today's field work): respondents not yet served (serve in
 * person), real estate and vehicles found but not sealed (seal). Pure: read from the case record.
 */
import type { EnforcementCase } from '../case/model.ts';
import type { FieldAct } from './trip.ts';

export interface PendingAct {
  readonly act: FieldAct;
  /** The respondent to serve, or the asset to seal. */
  readonly subject: string;
  readonly detail: string;
}

const SEALED_ON_SITE = new Set(['real-estate', 'vehicle']);

export function pendingActs(state: EnforcementCase): readonly PendingAct[] {
  const acts: PendingAct[] = [];
  for (const respondent of state.respondents)
    if (!state.service.served[respondent.partyId])
      acts.push({ act: 'serve', subject: respondent.partyId, detail: `向${respondent.name}直接送达` });
  for (const asset of Object.values(state.assets))
    if (SEALED_ON_SITE.has(asset.class) && asset.status === 'found')
      acts.push({ act: 'seal', subject: asset.assetId, detail: `查封${asset.institution} ${asset.reference}` });
  return acts;
}
