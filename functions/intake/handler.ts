/** Lambda entry point for intake. */

import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { awsDependencies } from '#commons/aws-dependencies.ts';
import { ENV, requireEnv } from '#commons/config.ts';
import { observed } from '#commons/observability.ts';
import { createIntakeHandler, INTAKE_USES } from './function.ts';

export const handler = observed(
  createIntakeHandler(
    awsDependencies(INTAKE_USES),
    new DynamoDBPersistenceLayer({
      tableName: requireEnv(ENV.idempotencyTable),
      awsSdkV3Client: new DynamoDBClient({}),
    }),
  ),
);
