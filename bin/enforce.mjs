#!/usr/bin/env node
// Plain JavaScript, not TypeScript: a .ts entry would make Node load its type stripper (about 0.15 s) before the
// compile cache below could spare it; every module after this one comes from the cache.
import { enableCompileCache } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

// Node keeps the compiled modules (after stripping the types) in the user's own cache, keyed by each file's
// content: later commands start without compiling them again (NODE_COMPILE_CACHE, when set, says where).
enableCompileCache?.(process.env.NODE_COMPILE_CACHE || join(homedir(), '.cache', 'enforce', 'compile-cache'));
// Imported after the cache is on, so that the CLI's own modules come from it.
const { main } = await import('../local/cli/main.ts');

// A reader that stops early (`enforce case … | head`) closes the pipe. Output then goes nowhere, as with any Unix
// tool, but the command itself runs to its end: what it writes to the data directory is finished and closed properly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
