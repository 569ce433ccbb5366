/**
 * The runtime's log file is kept open between lines: every line is in the file, in order, as soon as it is logged;
 * a line after `close` opens it again and appends. The file is owner-only.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openFileSink } from '../../../local/runtime/logging.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the log file', () => {
  it('has each line as soon as it is logged, in order, and after a close and another line', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'log-file-'));
    dirs.push(dataDir);
    const file = join(dataDir, 'logs', 'enforcement.log');
    const sink = openFileSink(dataDir);
    sink('{"a":1}');
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n');
    sink('{"b":"执行"}');
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n{"b":"执行"}\n');
    sink.close();
    sink.close();
    sink('{"c":3}');
    sink.close();
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n{"b":"执行"}\n{"c":3}\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
