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
