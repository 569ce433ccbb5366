/** How the CLI talks: Chinese lines for people, JSON for scripts, one clear line for an error. */
export class CliError extends Error {
  readonly exitCode: number;
  /** The staff API's error code, when the error is the API's answer (`conflict`, `forbidden`, ...). */
  readonly code: string | undefined;
  constructor(message: string, exitCode = 1, code?: string) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.code = code;
  }
}

/**
 * An error as the user sees it: one Chinese line on stderr, or under `--json` one JSON document on stderr
 * (`{"error":{"code","message","exitCode"}}`), so that a script reads both its result and its failure as JSON.
 */
export function writeError(json: boolean, message: string, exitCode: number, code = 'error'): void {
  if (json) process.stderr.write(`${JSON.stringify({ error: { code, message, exitCode } })}\n`);
  else process.stderr.write(`错误：${message}\n`);
}

export interface Output {
  readonly json: boolean;
  line(text?: string): void;
  /** Progress while work runs; silent in JSON mode so stdout stays one JSON document. */
  progress(text: string): void;
  result(value: unknown, human: () => void): void;
}

export function output(json: boolean): Output {
  return {
    json,
    line: (text = '') => process.stdout.write(`${text}\n`),
    progress: (text) => {
      if (!json) process.stdout.write(`${text}\n`);
    },
    result: (value, human) => {
      if (json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      else human();
    },
  };
}

/** `1,234.56` or `1234.56` yuan -> fen, without floating point. */
export function parseYuan(text: string): number {
  const match = /^(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new CliError(`金额格式不正确：${text}（以元为单位，最多两位小数，例如 51650.00）`, 2);
  const yuan = Number((match[1] ?? '0').replace(/,/g, ''));
  const fen = Number((match[2] ?? '').padEnd(2, '0'));
  const total = yuan * 100 + fen;
  if (!Number.isSafeInteger(total) || total <= 0) throw new CliError(`金额超出范围：${text}`, 2);
  return total;
}

/** Pads to a display width, counting CJK characters as two columns. */
export function pad(text: string, width: number): string {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\uffff]/.test(char) ? 2 : 1;
  return text + ' '.repeat(Math.max(0, width - columns));
}
