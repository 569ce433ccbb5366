/** Export tables: CSV as Excel reads it, formulas neutralised, periods checked, lateness of done nodes. */
import { describe, expect, it } from 'vitest';
import { daysLate, nodeState } from '#domain/exports/collect.ts';
import { type ExportTable, exportFileName, parsePeriod, toCsv, toSheet } from '#domain/exports/table.ts';

const table: ExportTable = {
  kind: 'cases',
  title: '案件清单',
  period: { from: '2026-03-01', to: '2026-03-31' },
  columns: [{ header: '案号' }, { header: '执行标的（元）', type: 'yuan' }, { header: '备注' }],
  rows: [
    ['（2026）冀0922执301号', 51650, '=HYPERLINK("x")'],
    ['（2026）冀0922执88号', 1036000.5, 'a,"b"'],
    ['（2026）冀0922执89号', undefined, undefined],
  ],
};

describe('CSV', () => {
  it('starts with a byte order mark, ends lines with CRLF, gives money two decimals and quotes as RFC 4180', () => {
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFF案号,执行标的（元）,备注\r\n')).toBe(true);
    expect(csv).toContain('（2026）冀0922执88号,1036000.50,"a,""b"""\r\n');
    expect(csv).toContain('（2026）冀0922执89号,,\r\n');
  });

  it('never lets a text cell run as a formula in a spreadsheet; plain text is left alone', () => {
    expect(toCsv(table)).toContain(`51650.00,"'=HYPERLINK(""x"")"`);
    expect(toSheet(table).data[1]?.[2]).toEqual({ value: `'=HYPERLINK("x")`, type: String });
    expect(toSheet(table).data[1]?.[0]).toEqual({ value: '（2026）冀0922执301号', type: String });
  });
});

describe('the sheet', () => {
  it('has a bold header, money with a thousands format, and empty cells as null', () => {
    const sheet = toSheet(table);
    expect(sheet.sheet).toBe('案件清单');
    expect(sheet.data[0]?.[0]).toEqual({ value: '案号', fontWeight: 'bold' });
    expect(sheet.data[2]?.[1]).toEqual({ value: 1036000.5, type: Number, format: '#,##0.00' });
    expect(sheet.data[3]?.[1]).toEqual({ value: null });
  });

  it('names the file after the table and its period', () => {
    expect(exportFileName(table, 'xlsx')).toBe('案件清单_2026-03-01_2026-03-31.xlsx');
    expect(exportFileName({ ...table, period: parsePeriod(undefined, undefined) as never }, 'csv')).toBe(
      '案件清单.csv',
    );
  });
});

describe('the period', () => {
  it('accepts two dates in order, or none (everything)', () => {
    expect(parsePeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(parsePeriod(undefined, undefined)).toEqual({ from: '0000-01-01', to: '9999-12-31' });
  });
  it('refuses one date alone, a malformed date, or an end before the start', () => {
    expect(parsePeriod('2026-03-01', undefined)).toBe('起止日期须同时给出');
    expect(parsePeriod('2026-3-1', '2026-03-31')).toMatch(/起始日期格式不正确/);
    expect(parsePeriod('2026-04-01', '2026-03-31')).toMatch(/晚于/);
  });
});

describe('a done node', () => {
  it('on time: 已完成, 0 days late (completed on its due date in China)', () => {
    const node = { status: 'met', dueDate: '2026-03-05', metAt: '2026-03-05T15:00:00.000Z' };
    expect(nodeState({ ...node, metAt: '2026-03-05T10:00:00.000Z' })).toBe('已完成');
    expect(daysLate(node.dueDate, '2026-03-05T10:00:00.000Z')).toBe(0);
  });
  it('late: 逾期完成 with the days after the due date, counted in China time', () => {
    // 2026-03-05T16:30Z is already 6 March in China.
    expect(daysLate('2026-03-05', '2026-03-05T16:30:00.000Z')).toBe(1);
    expect(nodeState({ status: 'met', dueDate: '2026-03-05', metAt: '2026-05-05T01:00:00.000Z' })).toBe('逾期完成');
    expect(daysLate('2026-03-05', '2026-05-05T01:00:00.000Z')).toBe(61);
  });
  it('not done: 进行中 or 已逾期, with no lateness', () => {
    expect(nodeState({ status: 'open', dueDate: '2026-03-05' })).toBe('进行中');
    expect(nodeState({ status: 'overdue', dueDate: '2026-03-05' })).toBe('已逾期');
    expect(daysLate('2026-03-05', undefined)).toBeUndefined();
  });
});

describe('a supervision task names its node', () => {
  it('finds the node a summary starts with, the longest label first', async () => {
    const { nodeNamedIn } = await import('#domain/case/node-labels.ts');
    expect(nodeNamedIn('完成财产调查已逾期（应于2026-04-02前完成，规则A8），请督促承办人办理')).toBe('完成财产调查');
    expect(nodeNamedIn('执行和解第2期已逾期')).toBe('执行和解第2期');
    expect(nodeNamedIn('请督促承办人办理')).toBeUndefined();
  });
});
