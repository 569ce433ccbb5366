/** The CLI's global options (kept light: `--help` loads only this). */
import type { ClockMode } from '../runtime/clock.ts';

export interface GlobalOptions {
  readonly dataDir?: string;
  readonly json?: boolean;
  readonly clock?: ClockMode;
  /** A new virtual clock's start (ISO-8601). */
  readonly startAt?: string;
  /** SIMULATOR script (JSON file) for a new data directory: what the outside parties know. */
  readonly simulator?: string;
}

export const DEFAULT_DATA_DIR = '.data';

/** Where `enforce serve` (`npm start`) listens unless told otherwise. */
export const DEFAULT_API_PORT = 8080;

/**
 * A command as it can be typed in the repository, which works as printed without `npm link`:
 * `npm run enforce -- --data-dir <dir> <args>` (the data directory only when it is not the default one).
 */
export function commandLine(args: string, dataDir?: string): string {
  const dir = dataDir === undefined ? undefined : relativeDir(dataDir);
  return `npm run enforce --${dir !== undefined && dir !== DEFAULT_DATA_DIR ? ` --data-dir ${dir}` : ''} ${args}`;
}

function relativeDir(dir: string): string {
  const cwd = process.cwd();
  const inside = dir.startsWith(`${cwd}/`) ? dir.slice(cwd.length + 1) : dir;
  return /[\s'"$`\\]/.test(inside) ? `'${inside.replaceAll("'", "'\\''")}'` : inside;
}
