/** JSON Schemas generated from the zod contracts, for producers of intake events (filing systems). */
import * as z from 'zod';
import { INTAKE_DETAIL_TYPE, INTAKE_SOURCE, IntakeDetailV1, IntakeDetailV2, IntakeDetailV3 } from './intake-event.ts';
import { PARTY_CHANGE_DETAIL_TYPE, PARTY_CHANGE_SOURCE, PartyChangeDetailV1 } from './party-change-event.ts';
import { PRESERVATION_DETAIL_TYPE, PRESERVATION_SOURCE, PreservationDetailV1 } from './preservation-event.ts';

function schemaOf(schema: z.core.$ZodType, id: string, title: string, description: string): Record<string, unknown> {
  return {
    $id: id,
    title,
    description,
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }),
  };
}

export function intakeSchemas(): Record<string, Record<string, unknown>> {
  const envelope = `EventBridge source "${INTAKE_SOURCE}", detail-type "${INTAKE_DETAIL_TYPE}".`;
  return {
    'intake-event-detail.v1.schema.json': schemaOf(
      IntakeDetailV1,
      'urn:court-enforcement:intake:EnforcementCaseFiled:1',
      'EnforcementCaseFiled detail, version 1',
      `${envelope} The detail of a filed enforcement case; amounts in fen. Cross-field rules (claim above zero; a resumed case names the case it resumes) are checked on intake too.`,
    ),
    'intake-event-detail.v2.schema.json': schemaOf(
      IntakeDetailV2,
      'urn:court-enforcement:intake:EnforcementCaseFiled:2',
      'EnforcementCaseFiled detail, version 2',
      `${envelope} As version 1, with the claim as items each owed to a named applicant. Cross-field rules (claim above zero; creditors are applicants; a resumed case names the case it resumes) are checked on intake too.`,
    ),
    'intake-event-detail.v3.schema.json': schemaOf(
      IntakeDetailV3,
      'urn:court-enforcement:intake:EnforcementCaseFiled:3',
      'EnforcementCaseFiled detail, version 3',
      `${envelope} As version 2, and a case may name the case it reverses (reversalOf: 执行回转, 民事诉讼法第二百四十四条): that case's title was set aside after execution. Cross-field rules as version 2, and a reversal names another case than itself.`,
    ),
    'party-change-event-detail.v1.schema.json': schemaOf(
      PartyChangeDetailV1,
      'urn:court-enforcement:intake:PartyChangeApplied:1',
      'PartyChangeApplied detail, version 1',
      `EventBridge source "${PARTY_CHANGE_SOURCE}", detail-type "${PARTY_CHANGE_DETAIL_TYPE}", on the intake bus. An application to add or change a respondent (变更追加规定), filed in an enforcement case of this court; the proposed respondent by ID number (keyed on intake). A change names the respondent it replaces.`,
    ),
    'preservation-event-detail.v1.schema.json': schemaOf(
      PreservationDetailV1,
      'urn:court-enforcement:intake:PreservationRuled:1',
      'PreservationRuled detail, version 1',
      `EventBridge source "${PRESERVATION_SOURCE}", detail-type "${PRESERVATION_DETAIL_TYPE}", on the intake bus. A preservation ruling (诉前、诉中保全) and its seizures as the preservation center last reported them (a higher revision replaces a lower one); amounts in fen, parties by ID number only. Cross-field rules (seizure ids unique; each seizure of a named respondent; seized before it expires) are checked on intake too.`,
    ),
  };
}
