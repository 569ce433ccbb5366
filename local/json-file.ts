/**
 * Reading a JSON file a command was given (an intake event, a simulator script, a case mix, a price list) within the
 * input limits: the file's size is checked before it is read (MAX_CLI_FILE_BYTES), its nesting before it is parsed
 * (MAX_JSON_DEPTH). The answer names the file and the reason in Chinese, never the parser's message (it quotes the
 * file's content) and never a stack trace.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_CLI_FILE_BYTES, MAX_JSON_DEPTH, parseBoundedJson } from '#contracts/limits.ts';

export type JsonFileResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string };

/** The file's text, read through one descriptor (no second open between the size check and the read). */
function readLimited(path: string | URL, limit: number): { text: string } | { tooLarge: true } {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > limit) return { tooLarge: true };
    // Read at most one byte past the limit, whatever the file claims (a pipe or a growing file).
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > limit) return { tooLarge: true };
    }
    return { text: buffer.subarray(0, length).toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

export function readJsonFileWithin(path: string | URL, limit = MAX_CLI_FILE_BYTES): JsonFileResult {
  const name = String(path);
  let read: ReturnType<typeof readLimited>;
  try {
    read = readLimited(path, limit);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? '文件不存在'
        : code === 'EISDIR'
          ? '这是一个目录'
          : code === 'EACCES'
            ? '没有读取权限'
            : `读取失败（${code ?? '未知原因'}）`;
    return { ok: false, message: `无法读取文件 ${name}：${reason}` };
  }
  if ('tooLarge' in read) return { ok: false, message: `文件 ${name} 过大（上限 ${limit / 1024} KB）` };
  const parsed = parseBoundedJson(read.text, { maxBytes: limit });
  if (parsed.ok) return parsed;
  return {
    ok: false,
    message:
      parsed.refusal === 'too-deep'
        ? `文件 ${name} 的 JSON 嵌套层数过多（上限 ${MAX_JSON_DEPTH} 层）`
        : parsed.refusal === 'too-large'
          ? `文件 ${name} 过大（上限 ${limit / 1024} KB）`
          : `文件 ${name} 不是有效的 JSON`,
  };
}
