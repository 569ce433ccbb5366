/**
 * Metrics in CloudWatch's embedded metric format (EMF): JSON lines on stdout that CloudWatch Logs turns into metrics,
 * written as Powertools Metrics writes them (a test compares the two) for the few calls the functions make:
 * metrics stored during an invocation and published at its end under the `service` dimension, and single metrics
 * with their own dimensions published at once. About 1 KiB of bundle instead of Powertools Metrics' 12 KiB in every
 * function (docs/cloud-efficiency.md).
 *
 * Lines go to stdout directly, not through `console`, which Lambda prefixes with a timestamp and request id (a
 * prefixed line is not EMF).
 */

export type EmfUnit = 'Count' | 'Milliseconds';

/** CloudWatch takes at most 100 metrics in one EMF document, and 100 values of one metric. */
const MAX = 100;

export interface EmfOptions {
  readonly namespace: string;
  readonly serviceName: string;
  readonly write?: (line: string) => void;
  readonly now?: () => number;
}

interface Stored {
  readonly unit: EmfUnit;
  readonly values: number[];
}

function document(
  options: EmfOptions,
  dimensions: Readonly<Record<string, string>>,
  metrics: ReadonlyMap<string, Stored>,
): string {
  const all = { service: options.serviceName, ...dimensions };
  const values = Object.fromEntries(
    [...metrics].map(([name, { values }]) => [name, values.length === 1 ? values[0] : values]),
  );
  return JSON.stringify({
    _aws: {
      Timestamp: (options.now ?? Date.now)(),
      CloudWatchMetrics: [
        {
          Namespace: options.namespace,
          Dimensions: [Object.keys(all)],
          Metrics: [...metrics].map(([name, { unit }]) => ({ Name: name, Unit: unit })),
        },
      ],
    },
    ...all,
    ...values,
  });
}

export class EmfMetrics {
  private readonly options: EmfOptions;
  private readonly stored = new Map<string, Stored>();
  private readonly write: (line: string) => void;

  constructor(options: EmfOptions) {
    this.options = options;
    this.write = options.write ?? ((line) => process.stdout.write(`${line}\n`));
  }

  /** Stores a value (a metric already stored keeps its first unit); publishes when CloudWatch's limits are reached. */
  addMetric(name: string, unit: EmfUnit, value: number): void {
    const stored = this.stored.get(name) ?? { unit, values: [] };
    stored.values.push(value);
    this.stored.set(name, stored);
    if (this.stored.size >= MAX || stored.values.length >= MAX) this.publishStoredMetrics();
  }

  /** A metric with dimensions of its own, published as soon as it is added. */
  singleMetric(): {
    addDimensions(dimensions: Record<string, string>): void;
    addMetric(...a: Parameters<EmfMetrics['addMetric']>): void;
  } {
    const dimensions: Record<string, string> = {};
    return {
      addDimensions: (more) => Object.assign(dimensions, more),
      addMetric: (name, unit, value) =>
        this.write(document(this.options, dimensions, new Map([[name, { unit, values: [value] }]]))),
    };
  }

  hasStoredMetrics(): boolean {
    return this.stored.size > 0;
  }

  publishStoredMetrics(): void {
    if (this.stored.size === 0) return;
    this.write(document(this.options, {}, this.stored));
    this.stored.clear();
  }
}
