/**
 * DynamoDB write request units (and read units) per case of the workload mix, by table and by kind of item (case record, case index
 * entry, time node, party, approval, partner request, commit, ...), indexes included: what `enforce cost` prices as
 * "DynamoDB writes", taken apart. Measured as the cost command measures (local/cost/measure.ts: the DynamoDB adapters
 * on dynalite, index writes from the table layout's projections, local/runtime/usage-dynamodb.ts).
 *
 *   node bench/dynamodb-writes.ts [--json]
 */
import { measureScenarios, mixUsage } from '../local/cost/measure.ts';
import { LOCAL_TABLES } from '../local/runtime/local-store.ts';
import { loadMix } from '../local/workload/mix.ts';

export interface WriteUnits {
  readonly perTable: Readonly<
    Record<string, { writeUnits: number; indexWriteUnits: number; writes: number; readUnits: number; reads: number }>
  >;
  readonly perKind: Readonly<Record<string, number>>;
  readonly total: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function writeUnits(): Promise<WriteUnits> {
  const mix = loadMix();
  const measured = await measureScenarios(Object.keys(mix.shares));
  const usage = mixUsage(mix.shares, measured);
  const billed = new Set([LOCAL_TABLES.cases, LOCAL_TABLES.journal, LOCAL_TABLES.idempotency]);
  const perTable: Record<
    string,
    { writeUnits: number; indexWriteUnits: number; writes: number; readUnits: number; reads: number }
  > = {};
  const perKind: Record<string, number> = {};
  for (const [table, t] of Object.entries(usage.dynamodb)) {
    if (!billed.has(table)) continue;
    perTable[table] = {
      writeUnits: round(t.writeUnits),
      indexWriteUnits: round(t.indexWriteUnits),
      writes: round(t.writes),
      readUnits: round(t.readUnits),
      reads: round(t.reads),
    };
    for (const [kind, units] of Object.entries(t.writeUnitsByKind ?? {}))
      perKind[`${table}: ${kind}`] = round((perKind[`${table}: ${kind}`] ?? 0) + units);
  }
  const total = round(Object.values(perTable).reduce((n, t) => n + t.writeUnits, 0));
  return { perTable, perKind, total };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await writeUnits();
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`write request units per case of the mix: ${result.total}`);
    for (const [table, t] of Object.entries(result.perTable))
      console.log(
        `  ${table}: ${t.writeUnits} (indexes ${t.indexWriteUnits}; ${t.writes} requests); read units ${t.readUnits} (${t.reads} requests)`,
      );
    for (const [kind, units] of Object.entries(result.perKind).sort(([, a], [, b]) => b - a))
      console.log(`    ${kind}: ${units} (${Math.round((units / result.total) * 100)}%)`);
  }
}
