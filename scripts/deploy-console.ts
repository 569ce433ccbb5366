/**
 * Uploads the staff console to its static-site bucket on AWS, with the configuration the console reads
 * (config.json: Cognito's hosted sign-in and the API under /v1 of the same origin). The values are the stack's
 * outputs (Console*):
 *   npm run console:deploy -- --bucket <ConsoleBucket> --url <ConsoleUrl> --domain <ConsoleSignInDomain> --client <ConsoleWebClientId>
 * Uses the AWS credentials of the environment; uploads only (the bucket is versioned: earlier files stay).
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { buildConsole, buildFieldApp } from '../console/build.ts';
import { scriptArgs } from './lib/args.ts';

const USAGE = `npm run console:deploy -- --bucket <b> --url <https://…/> --domain <d> --client <id>: builds the console
and uploads it to the stack's console bucket (the values are the stack outputs ConsoleBucket, ConsoleUrl,
ConsoleSignInDomain, ConsoleWebClientId).`;
const values = scriptArgs(USAGE, {
  bucket: { type: 'string' },
  url: { type: 'string' },
  domain: { type: 'string' },
  client: { type: 'string' },
});
const [bucket, url, domain, client] = [values.bucket, values.url, values.domain, values.client].map((v) =>
  typeof v === 'string' ? v : undefined,
);
if (!bucket || !url || !domain || !client) {
  console.error('usage: npm run console:deploy -- --bucket <b> --url <https://…/> --domain <d> --client <id>');
  process.exit(2);
}

const bundle = await buildConsole();
const config = { mode: 'cognito', apiBase: '/v1', cognito: { domain, clientId: client, redirectUri: url } };
const field = await buildFieldApp();
const files = {
  ...bundle.files,
  'config.json': { type: 'application/json', body: `${JSON.stringify(config, null, 2)}\n` },
  // The field officers' app under field/ (open it at /field/index.html: CloudFront maps no directory index).
  ...Object.fromEntries(Object.entries(field.files).map(([name, file]) => [`field/${name}`, file])),
  'field/config.json': { type: 'application/json', body: `${JSON.stringify(config, null, 2)}\n` },
};
const s3 = new S3Client({});
for (const [name, file] of Object.entries(files)) {
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: name,
      Body: file.body,
      ContentType: file.type,
      // The page and its configuration are read fresh; the bundle may be cached briefly.
      CacheControl: name.endsWith('app.js') || name.endsWith('app.css') ? 'max-age=300' : 'no-cache',
    }),
  );
  console.log(`uploaded ${name}`);
}
