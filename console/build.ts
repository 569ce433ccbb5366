/**
 * Builds the staff console: one ES module bundle (Preact and the console's TypeScript, minified), its stylesheet
 * and page. The local server builds it in memory when it starts; `npm run console:build` writes console/dist/
 * for the static site on AWS (infra/constructs/console-site.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const ROOT = new URL('./', import.meta.url);

export interface ConsoleBundle {
  readonly files: Readonly<Record<string, { readonly type: string; readonly body: string }>>;
}

export async function buildConsole(): Promise<ConsoleBundle> {
  const result = await build({
    entryPoints: [new URL('src/main.tsx', ROOT).pathname],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const js = result.outputFiles[0]?.text ?? '';
  return {
    files: {
      'index.html': { type: 'text/html; charset=utf-8', body: readFileSync(new URL('index.html', ROOT), 'utf8') },
      'app.js': { type: 'text/javascript; charset=utf-8', body: js },
      'app.css': { type: 'text/css; charset=utf-8', body: readFileSync(new URL('src/app.css', ROOT), 'utf8') },
    },
  };
}

if (import.meta.main) {
  const { scriptArgs } = await import('../scripts/lib/args.ts');
  scriptArgs(
    'npm run console:build: writes the console (page, bundle, stylesheet) into console/dist/ for the static site',
    {},
  );
  const out = new URL('dist/', ROOT);
  mkdirSync(out, { recursive: true });
  const bundle = await buildConsole();
  for (const [name, file] of Object.entries(bundle.files)) writeFileSync(new URL(name, out), file.body);
  console.log(`console/dist: ${Object.keys(bundle.files).join(', ')}`);
}
