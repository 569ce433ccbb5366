/**
 * Command-line options of a script or benchmark run on its own: `--help` prints the usage, an unknown or malformed
 * option is one line on stderr and exit code 2 (never a stack trace).
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

export type ScriptValues = Readonly<Record<string, string | boolean | undefined>>;

export function scriptArgs(usage: string, options: NonNullable<ParseArgsConfig['options']>): ScriptValues {
  let values: ScriptValues;
  try {
    values = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true })
      .values as ScriptValues;
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message} (--help for the options)\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${usage.trim()}\n`);
    process.exit(0);
  }
  return values;
}

/** A whole number from an option, or exit 2 naming the option. */
export function countOption(name: string, value: string | boolean | undefined, min = 1): number {
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isSafeInteger(n) || n < min) {
    process.stderr.write(`error: --${name} must be a whole number of at least ${min}, not "${String(value ?? '')}"\n`);
    process.exit(2);
  }
  return n;
}
