/**
 * The part of @aws-sdk/client-secrets-manager the party-key adapter uses. The Lambda Node.js runtime provides the
 * module (infra/constructs/step-function.ts RUNTIME_SDK_MODULES keeps it out of the bundle); it is not installed
 * for local use, where the key is a file of the data directory.
 */
declare module '@aws-sdk/client-secrets-manager' {
  export class GetSecretValueCommand {
    constructor(input: { SecretId: string });
  }
  export class SecretsManagerClient {
    constructor(config: Record<string, unknown>);
    send(command: GetSecretValueCommand): Promise<{ SecretString?: string; SecretBinary?: Uint8Array }>;
  }
}
