/**
 * The data directory holds personal data (ID numbers, phone numbers, addresses, evidence): it is the owner's alone.
 * Directories 0700 and files 0600 from creation (the runtime sets its file-creation mask to 0077 before it writes
 * anything), and checked at start: a data directory any part of which the group or others can reach is refused,
 * with the command that fixes it. Installation keys (evidence links, party ids) are 32 random bytes in 0600 files.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirectoryPermissionError extends Error {
  constructor(dataDir: string, path: string, mode: number) {
    super(
      `数据目录中的 ${path} 允许同组或其他用户访问（权限 ${(mode & 0o777).toString(8).padStart(4, '0')}），拒绝启动：请执行 chmod -R go-rwx ${dataDir} 后重试`,
    );
    this.name = 'DataDirectoryPermissionError';
  }
}

/**
 * Everything the process creates from now on is owner-only. The process's mask, not each call's mode: the embedded
 * DynamoDB and SQLite create their own files. Where the mask cannot be set (a worker thread), every file the
 * runtime itself creates still passes an explicit mode.
 */
export function restrictFileCreation(): void {
  try {
    process.umask(process.umask(0o077) | 0o077);
  } catch {
    // Worker threads cannot change the mask.
  }
}

/** The first entry under `dataDir` (itself included, symbolic links not followed) the group or others can reach. */
export function firstExposed(dataDir: string): { readonly path: string; readonly mode: number } | undefined {
  const pending = [dataDir];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) continue;
    if ((stat.mode & 0o077) !== 0) return { path, mode: stat.mode };
    if (stat.isDirectory()) for (const name of readdirSync(path)) pending.push(join(path, name));
  }
  return undefined;
}

/** Refuses a data directory any part of which the group or others can reach (a missing one is fine: it is new). */
export function checkDataDirectory(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  const exposed = firstExposed(dataDir);
  if (exposed) throw new DataDirectoryPermissionError(dataDir, exposed.path, exposed.mode);
}

export const KEY_BYTES = 32;
/** The party-id key's file in the data directory (32 random bytes, 0600). */
export const PARTY_KEY_FILE = 'party-id.key';

/** The installation key in `path`: created (32 random bytes, 0600) if missing; refused if short or exposed. */
export function installationKey(path: string): Buffer {
  if (!existsSync(path)) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, randomBytes(KEY_BYTES));
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const mode = lstatSync(path).mode;
  if ((mode & 0o077) !== 0) chmodSync(path, 0o600);
  const key = readFileSync(path);
  if (key.length !== KEY_BYTES) throw new Error(`密钥文件 ${path} 已损坏（应为 ${KEY_BYTES} 字节）`);
  return key;
}
