/**
 * Re-keys the party ids of the cases a deployed stage stored before keyed party ids (issue 12): each case whose
 * parties still carry the unkeyed id gets one audit commit on its journal, and the records naming the old ids are
 * renamed (docs/evidence.md, "Party ids"). Uses the AWS credentials of the environment; see the docs for the IAM
 * permissions it needs. Idempotent and resumable: run it again after an interruption or reported conflicts.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerPartyKey } from '#adapters/aws/party-key.ts';
import { ENV } from '#commons/config.ts';
import { scriptArgs } from './lib/args.ts';
import { rekeyStage } from './lib/rekey-stage.ts';

const USAGE = `npm run migrate:party-ids -- --cases-table <t> --journal-table <t> (--secret <arn> | --key-stdin) [--dry-run]

Re-keys the party ids of a deployed stage's cases stored before keyed party ids: one audit commit per case
(actor party-id-migration), approvals, partner requests, nodes and the party index renamed. A case already keyed is
skipped, so the run is idempotent and can be repeated after an interruption.

  --cases-table <t>    the stage's cases table (default: $${ENV.casesTable})
  --journal-table <t>  the stage's journal table (default: $${ENV.journalTable})
  --secret <arn>       the party-key secret, read with the SDK (default: $${ENV.partyKeySecret})
  --key-stdin          read the secret's value from standard input instead, e.g.
                       aws secretsmanager get-secret-value --secret-id <arn> --query SecretString --output text | ...
  --dry-run            report what would change, write nothing
  --region <r>         the AWS region (default: the SDK's, e.g. $AWS_REGION)

The three names are the intake function's environment variables:
  aws lambda get-function-configuration --function-name <intake> --query Environment.Variables`;

const values = scriptArgs(USAGE, {
  'cases-table': { type: 'string' },
  'journal-table': { type: 'string' },
  secret: { type: 'string' },
  'key-stdin': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  region: { type: 'string' },
});
const text = (value: string | boolean | undefined) => (typeof value === 'string' && value ? value : undefined);
const cases = text(values['cases-table']) ?? process.env[ENV.casesTable];
const journal = text(values['journal-table']) ?? process.env[ENV.journalTable];
const secret = text(values.secret) ?? process.env[ENV.partyKeySecret];
if (!cases || !journal || (!secret && !values['key-stdin'])) {
  process.stderr.write('error: --cases-table, --journal-table and --secret (or --key-stdin) are needed (--help)\n');
  process.exit(2);
}

async function stdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function readKey(): Promise<Uint8Array> {
  if (values['key-stdin']) {
    const value = await stdin();
    return new SecretsManagerPartyKey('stdin', async () => ({ SecretString: value })).key();
  }
  try {
    return await new SecretsManagerPartyKey(secret as string).key();
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') {
      process.stderr.write(
        'error: @aws-sdk/client-secrets-manager is not installed here (the Lambda runtime provides it): ' +
          'use --key-stdin, or npm install --no-save @aws-sdk/client-secrets-manager\n',
      );
      process.exit(2);
    }
    throw error;
  }
}

try {
  const key = await readKey();
  const region = text(values.region);
  const result = await rekeyStage({
    client: new DynamoDBClient(region ? { region } : {}),
    tables: { cases, journal },
    key,
    dryRun: values['dry-run'] === true,
    write: (line) => process.stdout.write(`${line}\n`),
  });
  process.exit(result.conflicts > 0 ? 3 : 0);
} catch (error) {
  // One line, never the key nor a party's data: the SDK's error names the call and the resource.
  process.stderr.write(`error: ${(error as Error).name}: ${(error as Error).message}\n`);
  process.exit(1);
}
