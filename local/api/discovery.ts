/**
 * How the CLI finds the staff API server that holds a data directory: `enforce serve` writes
 * `<data-dir>/api-server.json` (its pid and URL) when it starts listening and removes it when it stops; a file
 * naming a process that no longer exists (a killed server) is ignored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function serverFile(dataDir: string): string {
  return join(dataDir, 'api-server.json');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running server of this data directory, if any. */
export function runningServer(dataDir: string): { url: string; pid: number } | undefined {
  const file = serverFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const found = JSON.parse(readFileSync(file, 'utf8')) as { url?: unknown; pid?: unknown };
    if (typeof found.url === 'string' && typeof found.pid === 'number' && alive(found.pid))
      return { url: found.url, pid: found.pid };
  } catch {
    // A half-written or unreadable file: no server.
  }
  return undefined;
}
