/** Lambda entry point for intake: only the adapters of the ports it declares (INTAKE_USES). */

import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  awsCases,
  awsEngine,
  awsPartyKey,
  awsPorts,
  awsPreservations,
  awsRejections,
  awsStaff,
} from '#commons/aws-ports.ts';
import { ENV, requireEnv } from '#commons/config.ts';
import { observed } from '#commons/observability.ts';
import { createIntakeHandler, INTAKE_USES } from './function.ts';

export const handler = observed(
  createIntakeHandler(
    awsPorts(INTAKE_USES, {
      cases: awsCases,
      engine: awsEngine,
      rejections: awsRejections,
      staff: awsStaff,
      partyKey: awsPartyKey,
      preservations: awsPreservations,
    }),
    new DynamoDBPersistenceLayer({
      tableName: requireEnv(ENV.idempotencyTable),
      awsSdkV3Client: new DynamoDBClient({}),
    }),
  ),
);
