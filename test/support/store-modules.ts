/**
 * Run as a script: opens an in-memory embedded runtime on the store named by the first argument and prints how many
 * of dynalite's modules the process loaded (the production path must load none).
 */
import { createRequire } from 'node:module';
import { EmbeddedRuntime } from '../../local/runtime/runtime.ts';

const runtime = await EmbeddedRuntime.open({ store: process.argv[2] === 'dynamodb' ? 'dynamodb' : 'sqlite' });
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) =>
  /[\\/]node_modules[\\/](dynalite|classic-level|memory-level)[\\/]/.test(file),
);
await runtime.close();
process.stdout.write(`${JSON.stringify({ store: runtime.storeKind, dynaliteModules: loaded.length })}\n`);
