/**
 * The part of @aws-sdk/client-secrets-manager the party-key and signing-identity adapters use. The Lambda Node.js
 * runtime provides the module (infra/constructs/step-function.ts RUNTIME_SDK_MODULES keeps it out of the bundle); it
 * is not installed for local use, where the key and the identity are files of the data directory.
 */
declare module '@aws-sdk/client-secrets-manager' {
  export class GetSecretValueCommand {
    constructor(input: { SecretId: string });
  }
  export class PutSecretValueCommand {
    constructor(input: { SecretId: string; SecretString: string; ClientRequestToken: string });
  }
  export class SecretsManagerClient {
    constructor(config: Record<string, unknown>);
    send(command: GetSecretValueCommand): Promise<{ SecretString?: string; SecretBinary?: Uint8Array }>;
    send(command: PutSecretValueCommand): Promise<{ VersionId?: string }>;
  }
}
