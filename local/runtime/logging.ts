/**
 * Powertools Logger, with its lines sent to a sink instead of stdout: the embedded runtime writes them to
 * <data-dir>/logs/enforcement.log (and tests keep them in memory to prove no token ever appears in one).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
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

export function memorySink(lines: string[]): LogSink {
  return (line) => {
    lines.push(line);
  };
}
