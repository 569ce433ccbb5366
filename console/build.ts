/**
 * Builds the staff console: one ES module bundle (Preact and the console's TypeScript, minified), its stylesheet
 * and page. The local server builds it in memory when it starts; `npm run console:build` writes console/dist/
 * for the static site on AWS (infra/constructs/console-site.ts), and the field app into console/dist/field/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const ROOT = new URL('./', import.meta.url);

export interface ConsoleBundle {
  readonly files: Readonly<Record<string, { readonly type: string; readonly body: string }>>;
}

/** One entry point bundled with Preact into a single minified ES module, in memory. */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [new URL(entry, ROOT).pathname],
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
  return result.outputFiles[0]?.text ?? '';
}

export async function buildConsole(): Promise<ConsoleBundle> {
  const js = await bundle('src/main.tsx');
  return {
    files: {
      'index.html': { type: 'text/html; charset=utf-8', body: readFileSync(new URL('index.html', ROOT), 'utf8') },
      'app.js': { type: 'text/javascript; charset=utf-8', body: js },
      'app.css': { type: 'text/css; charset=utf-8', body: readFileSync(new URL('src/app.css', ROOT), 'utf8') },
    },
  };
}

/**
 * The field officers' app (issue 17), an installable PWA served at /field/: its page, bundle, stylesheet, web app
 * manifest, icon and service worker (which must come from /field/ itself to control that scope).
 */
export async function buildFieldApp(): Promise<ConsoleBundle> {
  const js = await bundle('src/field/main.tsx');
  const file = (name: string) => readFileSync(new URL(name, ROOT), 'utf8');
  return {
    files: {
      'index.html': { type: 'text/html; charset=utf-8', body: file('field/index.html') },
      'app.js': { type: 'text/javascript; charset=utf-8', body: js },
      'app.css': { type: 'text/css; charset=utf-8', body: file('src/field/field.css') },
      'manifest.webmanifest': {
        type: 'application/manifest+json; charset=utf-8',
        body: file('field/manifest.webmanifest'),
      },
      'icon.svg': { type: 'image/svg+xml', body: file('field/icon.svg') },
      'sw.js': { type: 'text/javascript; charset=utf-8', body: file('field/sw.js') },
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
  const field = new URL('field/', out);
  mkdirSync(field, { recursive: true });
  const app = await buildFieldApp();
  for (const [name, file] of Object.entries(app.files)) writeFileSync(new URL(name, field), file.body);
  console.log(`console/dist/field: ${Object.keys(app.files).join(', ')}`);
}
