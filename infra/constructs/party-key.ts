/**
 * The installation's party-id key on AWS: a Secrets Manager secret generated at deployment (64 random letters and
 * digits, well over 256 bits), encrypted with the stack's key and retained with the stack's data. Party ids are an
 * HMAC-SHA256 of the ID number with it (functions/domain/ids.ts), so ids in logs, payloads and exports cannot be
 * reversed by hashing every plausible ID number. Intake alone may read it (function-access.ts, port `partyKey`).
 */
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export class PartyKeySecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: { readonly key: IKey }) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'Party-id key: HMAC-SHA256 key of party ids (changing it changes every party id)',
      encryptionKey: props.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The party-id key is not rotated automatically: every party id is derived from it, so a new key is a ' +
        'migration of every case (docs/evidence.md, party ids), run deliberately, never on a schedule.',
    });
  }
}
