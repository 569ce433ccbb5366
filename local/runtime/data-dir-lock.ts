/**
 * One process at a time per data directory: a lock file holding the owner's pid, created exclusively. A lock
 * left by a process that no longer exists (killed, crashed) is taken over, so a hard kill never locks a court
 * out of its own data.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirectoryBusyError extends Error {
  constructor(dataDir: string, pid: number) {
    super(`数据目录正被另一个进程（pid ${pid}）使用：${dataDir}。同一数据目录同一时间只能由一个进程打开。`);
    this.name = 'DataDirectoryBusyError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'runtime.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) throw new DataDirectoryBusyError(dataDir, owner);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
