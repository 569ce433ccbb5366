/**
 * `enforce export`: the court's tables as Excel and CSV files, through the staff API as the user named. The .xlsx
 * is opened by read-excel-file (the companion reader of the writer used) and must hold the expected rows.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enforce, enforceJson } from '../support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'enforce-export-'));
const dir = join(scratch, 'data');
const args = ['--data-dir', dir];
const event = new URL('../../local/demo/loan-repayment.event.json', import.meta.url).pathname;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(() => {
  const filed = enforce([...args, '--clock', 'virtual', '--start-at', '2026-03-02T09:00:00+08:00', 'intake', event]);
  expect(filed.code).toBe(0);
  expect(enforce([...args, 'clock', 'advance', '5d']).code).toBe(0);
}, 120_000);

async function sheet(file: string): Promise<unknown[][]> {
  const [first] = await readXlsxFile(readFileSync(file));
  return (first?.data ?? []) as unknown[][];
}

describe('enforce export', () => {
  it('cases as .xlsx: the reader finds the header and the case, with names (not ids) and money as numbers', async () => {
    const file = join(scratch, 'cases.xlsx');
    const done = enforceJson<{ rows: number; file: string }>([
      ...args,
      'export',
      'cases',
      '--as',
      'zhang-wei',
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-31',
      '--out',
      file,
    ]);
    expect(done).toMatchObject({ rows: 1, file });
    const rows = await sheet(file);
    expect(rows[0]).toEqual(['案号', '状态', '阶段', '团队', '承办人', '执行标的（元）', '已到账（元）', '立案日期']);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[0]).toBe('（2026）冀0922执301号');
    expect(rows[1]?.slice(3, 6)).toEqual(['简案快执团队', '王芳', 51650]);
    expect(rows[1]?.[7]).toBe('2026-03-02');
  });

  it('a period with no filing gives the header alone', async () => {
    const file = join(scratch, 'april.xlsx');
    expect(
      enforce([
        ...args,
        'export',
        'cases',
        '--as',
        'zhang-wei',
        '--from',
        '2026-04-01',
        '--to',
        '2026-04-30',
        '--out',
        file,
      ]).code,
    ).toBe(0);
    expect(await sheet(file)).toHaveLength(1);
  });

  it('nodes as CSV: done nodes with their completion date and days late, open ones without', () => {
    const file = join(scratch, 'nodes.csv');
    expect(enforce([...args, 'export', 'nodes', '--as', 'zhang-wei', '--out', file]).code).toBe(0);
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('案号,节点,规则,期限,状态,完成日期,逾期天数,承办人');
    expect(lines.some((l) => /^（2026）冀0922执301号,[^,]+,A\d+,2026-03-\d\d,已完成,2026-03-0\d,0,王芳$/.test(l))).toBe(
      true,
    );
    expect(lines.some((l) => /,进行中,,,王芳$/.test(l))).toBe(true);
  });

  it('the board as .xlsx: counts per phase, status, team and officer', async () => {
    const file = join(scratch, 'board.xlsx');
    expect(enforce([...args, 'export', 'board', '--as', 'zhao-min', '--out', file]).code).toBe(0);
    const rows = await sheet(file);
    expect(rows[0]).toEqual(['类别', '项目', '数量']);
    expect(rows).toContainEqual(['团队未结案件', '简案快执团队', 1]);
    expect(rows).toContainEqual(['承办人未结案件', '王芳', 1]);
  });

  it('refuses a wrong period, an unknown table, an existing file, and a user without the right', () => {
    expect(enforce([...args, 'export', 'cases', '--as', 'zhang-wei', '--from', '2026-03-01']).stderr).toBe(
      '错误：起止日期须同时给出\n',
    );
    expect(enforce([...args, 'export', 'people', '--as', 'zhang-wei']).stderr).toMatch(/^错误：未知的导出内容：people/);
    const existing = join(scratch, 'cases.xlsx');
    expect(enforce([...args, 'export', 'cases', '--as', 'zhang-wei', '--out', existing]).stderr).toMatch(
      /^错误：文件已存在，未覆盖/,
    );
    const denied = enforce([...args, 'export', 'board', '--as', 'fan-tao', '--out', join(scratch, 'x.xlsx')]);
    expect(denied.code).toBe(1);
    expect(denied.stderr).not.toMatch(/HTTP/);
  });

  it('has --help', () => {
    const help = enforce(['export', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--from <date>/);
    expect(help.stdout).toMatch(/board、cases、nodes 或 matters/);
  });
});
