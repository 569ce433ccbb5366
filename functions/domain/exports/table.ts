/**
 * An export as courts keep their monthly reports: one table with Chinese headers, written as CSV (UTF-8 with a byte
 * order mark, so that Excel reads the Chinese) or as an Excel sheet. Pure: the writers of the file are the CLI's
 * and the console's; this module gives them the rows. Money is in yuan as a number with two decimals, dates as
 * China dates (YYYY-MM-DD).
 */

export type Cell = string | number | undefined;

export interface Column {
  readonly header: string;
  /** `yuan`: a money column (a number with two decimals); `count`: a whole number; otherwise text. */
  readonly type?: 'text' | 'yuan' | 'count';
  /** Display width in characters, for the spreadsheet. */
  readonly width?: number;
}

export interface ExportTable {
  readonly kind: ExportKind;
  /** The sheet's name and the file's title, e.g. 案件清单. */
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** The period the rows were chosen for, as China dates, inclusive. */
  readonly period?: Period;
  /** True when the API gave a first page only (the table is not the whole court's). */
  readonly truncated?: boolean;
}

export const EXPORT_KINDS = ['board', 'cases', 'nodes', 'matters'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_TITLES: Record<ExportKind, string> = {
  board: '指挥中心看板',
  cases: '案件清单',
  nodes: '时间节点清单',
  matters: '受托事项清单',
};

export interface Period {
  readonly from: string;
  readonly to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A period of China dates, inclusive; `from` not after `to`. */
export function parsePeriod(from: string | undefined, to: string | undefined): Period | string {
  if (from === undefined && to === undefined) return { from: '0000-01-01', to: '9999-12-31' };
  if (from === undefined || to === undefined) return '起止日期须同时给出';
  if (!DATE.test(from) || Number.isNaN(Date.parse(from))) return `起始日期格式不正确：${from}（应为 YYYY-MM-DD）`;
  if (!DATE.test(to) || Number.isNaN(Date.parse(to))) return `截止日期格式不正确：${to}（应为 YYYY-MM-DD）`;
  if (from > to) return `起始日期 ${from} 晚于截止日期 ${to}`;
  return { from, to };
}

export function inPeriod(date: string | undefined, period: Period): boolean {
  return date !== undefined && date >= period.from && date <= period.to;
}

/** The file name: 案件清单_2026-03-01_2026-03-31.xlsx. */
export function exportFileName(table: ExportTable, format: 'csv' | 'xlsx'): string {
  const span = table.period && table.period.from !== '0000-01-01' ? `_${table.period.from}_${table.period.to}` : '';
  return `${table.title}${span}.${format}`;
}

/**
 * A cell as CSV text. A text cell that a spreadsheet would take for a formula (= + - @, tab, carriage return) gets
 * a leading apostrophe: a party's name or a note must never run as a formula in whoever opens the file.
 */
function csvCell(cell: Cell, column: Column | undefined): string {
  if (cell === undefined) return '';
  const text =
    typeof cell === 'number' ? (column?.type === 'yuan' ? cell.toFixed(2) : String(cell)) : neutralised(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 CSV with CRLF line ends and a UTF-8 byte order mark (Excel then reads Chinese correctly). */
export function toCsv(table: ExportTable): string {
  const lines = [
    table.columns.map((c) => csvCell(c.header, undefined)).join(','),
    ...table.rows.map((row) => table.columns.map((column, i) => csvCell(row[i], column)).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A cell for write-excel-file: the header bold, money with two decimals and a thousands separator. */
export interface SheetCell {
  readonly value: string | number | null;
  readonly type?: typeof String | typeof Number;
  readonly format?: string;
  readonly fontWeight?: 'bold';
}

/** The table as write-excel-file's sheet data (the same in Node and in the browser). */
export function toSheet(table: ExportTable): {
  data: SheetCell[][];
  columns: { width: number }[];
  sheet: string;
} {
  const header = table.columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));
  const rows = table.rows.map((row) =>
    table.columns.map((column, i): SheetCell => {
      const cell = row[i];
      if (cell === undefined) return { value: null };
      if (typeof cell === 'number')
        return { value: cell, type: Number, ...(column.type === 'yuan' ? { format: '#,##0.00' } : {}) };
      return { value: neutralised(cell), type: String };
    }),
  );
  return {
    data: [header, ...rows],
    columns: table.columns.map((c) => ({ width: c.width ?? Math.max(8, c.header.length * 2 + 2) })),
    sheet: table.title,
  };
}
