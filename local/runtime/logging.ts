/**
 * Powertools Logger, with its lines sent to a sink instead of stdout: the embedded runtime writes them to
 * <data-dir>/logs/enforcement.log (and tests keep them in memory to prove no token ever appears in one).
 */
import { appendFileSync, closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Logger, type LogItem } from '@aws-lambda-powertools/logger';

export type LogSink = (line: string) => void;

export class SinkLogger extends Logger {
  private readonly sink: LogSink;

  constructor(sink: LogSink, persistentKeys: Record<string, string>) {
    super({ serviceName: 'enforcement', persistentKeys });
    this.sink = sink;
  }

  protected override printLog(_logLevel: number, log: LogItem): void {
    log.prepareForPrint();
    this.sink(JSON.stringify(log.getAttributes(), this.getJsonReplacer()));
  }
}

export function fileSink(dataDir: string): LogSink {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'enforcement.log');
  return (line) => appendFileSync(file, `${line}\n`, { encoding: 'utf8', mode: 0o600 });
}

/**
 * The same file as `fileSink`, kept open between lines: one write a line instead of an open, a write and a close
 * (the embedded runtime logs tens of lines a case). Opened at the first line; `close` closes it (the next line opens
 * it again). Like `appendFileSync`, a line is handed to the operating system when it is logged, not fsynced.
 */
export function openFileSink(dataDir: string): LogSink & { close(): void } {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'enforcement.log');
  let fd: number | undefined;
  const sink = (line: string) => {
    fd ??= openSync(file, 'a', 0o600);
    const bytes = Buffer.from(`${line}\n`, 'utf8');
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
  };
  return Object.assign(sink, {
    close: () => {
      if (fd === undefined) return;
      closeSync(fd);
      fd = undefined;
    },
  });
}

export function memorySink(lines: string[]): LogSink {
  return (line) => {
    lines.push(line);
  };
}
