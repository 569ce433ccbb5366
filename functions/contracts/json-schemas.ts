/** JSON Schemas generated from the zod contracts, for producers of intake events (filing systems). */
import * as z from 'zod';
import { INTAKE_DETAIL_TYPE, INTAKE_SOURCE, IntakeDetailV1, IntakeDetailV2 } from './intake-event.ts';

function schemaOf(schema: z.ZodType, id: string, title: string, description: string): Record<string, unknown> {
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
  };
}
