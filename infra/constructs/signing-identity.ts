/**
 * The court's document-signing identity on AWS: a Secrets Manager secret, encrypted with the stack's key and
 * retained with the stack's data. Created with a placeholder; the first document issued generates an RSA key and
 * its certificate into it (functions/adapters/aws/signing-keys.ts), or an operator puts the court's own
 * certificate from its CA there (docs/documents.md). Only the functions that issue documents may read or write it
 * (function-access.ts, port `issuing`).
 */
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export class SigningIdentitySecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: { readonly key: IKey }) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'Document signing identity (RSA key and certificate, PEM in JSON): generated on first use',
      encryptionKey: props.key,
      // A placeholder without a key: the first use generates the identity (a fixed ClientRequestToken keeps it one).
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ state: 'generated on first use' }),
        generateStringKey: 'placeholder',
        passwordLength: 16,
        excludePunctuation: true,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A signing certificate is renewed by its issuer, not rotated on a schedule: documents already signed are ' +
        'verified against the certificate that signed them, and a new one is put in deliberately (docs/documents.md).',
    });
  }
}
