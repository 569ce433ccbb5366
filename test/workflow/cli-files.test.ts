/**
 * Every JSON file a command takes is read within the input limits (local/json-file.ts): too large, nested too deep or
 * not JSON, the command refuses in one Chinese line naming the file, exits non-zero, prints no stack trace and
 * writes nothing.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CLI_FILE_BYTES } from '#contracts/limits.ts';
import { readJsonFileWithin } from '../../local/json-file.ts';
import { enforce } from '../support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'enforce-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};
const deep = `{"id":"x","detail":${'['.repeat(3000)}${']'.repeat(3000)}}`;
const huge = `{"pad":"${' '.repeat(MAX_CLI_FILE_BYTES)}"}`;

describe('reading a JSON file argument', () => {
  it('reads a file within the limits', () => {
    expect(readJsonFileWithin(file('ok.json', '{"a":[1]}'))).toEqual({ ok: true, value: { a: [1] } });
  });

  it('refuses, naming the file: too large, too deep, not JSON, missing; never quoting the content', () => {
    const cases: [string, RegExp][] = [
      [file('huge.json', huge), /^文件 .*huge\.json 过大（上限 1024 KB）$/],
      [file('deep.json', deep), /^文件 .*deep\.json 的 JSON 嵌套层数过多（上限 32 层）$/],
      [file('bad.json', '{"secret": 130922199001010030'), /^文件 .*bad\.json 不是有效的 JSON$/],
      [join(scratch, 'missing.json'), /^无法读取文件 .*missing\.json：文件不存在$/],
      [scratch, /^无法读取文件 .*：这是一个目录$/],
    ];
    for (const [path, message] of cases) {
      const read = readJsonFileWithin(path);
      expect(read.ok, path).toBe(false);
      expect(read.ok ? '' : read.message).toMatch(message);
      expect(read.ok ? '' : read.message).not.toContain('130922');
    }
  });
});

describe('enforce intake with a file over the limits', () => {
  it.each([
    ['deep', deep, /嵌套层数过多/],
    ['huge', huge, /过大/],
  ])('%s: one Chinese line naming the file, exit 1, no stack trace, nothing written', (name, text, reason) => {
    const dir = join(scratch, `data-${name}`);
    const path = file(`${name}-event.json`, text);
    const { code, stdout, stderr } = enforce(['--data-dir', dir, 'intake', path]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^错误：.*${name}-event\\.json`));
    expect(stderr).toMatch(reason);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(dir), 'the data directory is not even created').toBe(false);
  });
});
