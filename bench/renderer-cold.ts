/**
 * The document renderer's cold start in its Lambda bundle: the renderer and signer bundled with the options of
 * infra/constructs/step-function.ts (esbuild: ESM, node24, minified), the font copied beside the bundle as the CDK
 * app copies it, then in a fresh Node process per run: the bundle's import, the first signed render (decoding the
 * WOFF to sfnt tables, subsetting, pdf-lib, the PKCS#7 signature) and a second one (warm). The signing key is made
 * before the clock starts (on AWS it comes from Secrets Manager). The median of the runs.
 *
 *   node bench/renderer-cold.ts [--runs 7]
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { BUNDLED_FONT, FONT_FILE } from '../functions/adapters/documents/pdf-renderer.ts';
import { countOption, scriptArgs } from '../scripts/lib/args.ts';
import { bundleFunction } from './cold-start.ts';
import { medianWithRange } from './lib/stats.ts';

const OUT = fileURLToPath(new URL('./.out/renderer-cold/', import.meta.url));

const values = scriptArgs('node bench/renderer-cold.ts [--runs 7]: the document renderer’s cold start in its bundle', {
  runs: { type: 'string', default: '7' },
});
const runs = countOption('runs', values.runs);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const outfile = `${OUT}index.mjs`;
await bundleFunction(fileURLToPath(new URL('./lib/renderer-entry.ts', import.meta.url)), outfile);
copyFileSync(createRequire(import.meta.url).resolve(FONT_FILE), `${OUT}${BUNDLED_FONT}`);

const script = `
import { generateKeyPairSync } from 'node:crypto';
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' });
const t0 = performance.now();
const m = await import(${JSON.stringify(`file://${outfile}`)});
const t1 = performance.now();
const identity = m.createSigningIdentity({ keyPem, commonName: 'bench', organisation: 'bench', notBefore: new Date('2026-01-01T00:00:00Z'), years: 10, serialHex: '01' });
const signature = { signingTime: new Date('2026-03-02T01:00:00Z'), name: 'bench', reason: 'bench', location: 'bench' };
const t2 = performance.now();
const first = await m.pdfDocumentRenderer.renderSigned(m.notice(), identity, signature);
const t3 = performance.now();
await m.pdfDocumentRenderer.renderSigned(m.notice(), identity, signature);
const t4 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstMs: t3 - t2, secondMs: t4 - t3, pdfBytes: first.length }));
`;
const results = Array.from(
  { length: runs },
  () =>
    JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: OUT }),
    ) as { importMs: number; firstMs: number; secondMs: number; pdfBytes: number },
);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
console.log(
  `bundle ${kib(statSync(outfile).size)} + font ${kib(statSync(`${OUT}${BUNDLED_FONT}`).size)}; ${runs} runs, median (min–max) ms`,
);
console.log(
  `import of the bundle:         ${medianWithRange(
    results.map((r) => r.importMs),
    0,
  )}`,
);
console.log(
  `first signed render (cold):   ${medianWithRange(
    results.map((r) => r.firstMs),
    0,
  )}`,
);
console.log(
  `second signed render (warm):  ${medianWithRange(
    results.map((r) => r.secondMs),
    0,
  )}`,
);
console.log(`document: ${kib(results[0]?.pdfBytes ?? 0)}`);
