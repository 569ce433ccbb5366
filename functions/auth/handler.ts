/** Lambda entry point of the user pool's pre-token-generation trigger (MFA for president and panel roles). */
import { Logger } from '@aws-lambda-powertools/logger';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { observed } from '#commons/observability.ts';
import { cognitoLookup, createMfaGate } from './mfa-gate.ts';

const logger = new Logger({ serviceName: 'enforcement', persistentKeys: { function: 'mfa-gate' } });
export const handler = observed(
  createMfaGate(cognitoLookup(new CognitoIdentityProviderClient({})), (message, keys) => logger.info(message, keys)),
);
