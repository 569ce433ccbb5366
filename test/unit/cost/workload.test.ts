/** The case mix, the plan it makes, the DynamoDB meter's index estimate and the BENCHMARKS.md section writer. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { IndexLayout, IndexProjection, TableLayout } from '#adapters/dynamodb/tables.ts';
import { writeSection } from '../../../bench/lib/report.ts';
import { UsageMeter } from '../../../local/runtime/usage.ts';
import { dynamoMeter, itemKind } from '../../../local/runtime/usage-dynamodb.ts';
import { planOf } from '../../../local/workload/driver.ts';
import { InvalidMixError, loadMix, parseMix } from '../../../local/workload/mix.ts';
import { WORKLOAD_SCENARIOS } from '../../../local/workload/scenarios.ts';

describe('the case mix', () => {
  it('leaves pending scenarios out, scaling the others to one', () => {
    const mix = parseMix({
      scenarios: [
        { id: 'frozen-deducted', weight: 30 },
        { id: 'paid-after-notice', weight: 10 },
        { id: 'public-notice-service', weight: 60, pending: 'service by public notice' },
      ],
    });
    expect(mix.shares).toEqual({ 'frozen-deducted': 0.75, 'paid-after-notice': 0.25 });
    expect(mix.covered).toBe(0.4);
    expect(mix.pending).toEqual([{ id: 'public-notice-service', weight: 60, pending: 'service by public notice' }]);
  });

  it('refuses a scenario that does not exist unless it is marked pending', () => {
    expect(() => parseMix({ scenarios: [{ id: 'public-notice-service', weight: 1 }] })).toThrow(InvalidMixError);
    expect(() =>
      parseMix({
        scenarios: [
          { id: 'paid-after-notice', weight: 1 },
          { id: 'public-notice-service', weight: 1, pending: 'not built' },
        ],
      }),
    ).not.toThrow();
  });

  it('the default mix names only scenarios of the catalog, auction and 终本 among them, and none pending', () => {
    const mix = loadMix();
    for (const id of Object.keys(mix.shares)) expect(WORKLOAD_SCENARIOS.map((s) => s.id)).toContain(id);
    expect(Object.keys(mix.shares)).toEqual(expect.arrayContaining(['auction', 'final-closure', 'entrustment']));
    expect(mix.pending).toEqual([]);
  });

  it('a plan follows the weights in every prefix, deterministically', () => {
    expect(planOf({ a: 3, b: 1 }, 8)).toEqual(['a', 'a', 'b', 'a', 'a', 'a', 'b', 'a']);
  });
});

describe('the DynamoDB meter', () => {
  const S = (value: string) => ({ S: value });
  const index = (n: number, projection?: IndexProjection): IndexLayout => ({
    name: `gsi${n}`,
    partitionKey: { name: `gsi${n}pk`, type: 'S' },
    sortKey: { name: `gsi${n}sk`, type: 'S' },
    ...(projection ? { projection } : {}),
  });
  const layout = (...indexes: IndexLayout[]): TableLayout => ({
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes,
  });
  const caseId = 'cabcdefghijklmnopqrs';
  const units = (n: number) => ({ ConsumedCapacity: { CapacityUnits: n } });
  const put = (item: Record<string, unknown>, n = 1) => ({
    command: 'PutItemCommand',
    input: { TableName: 'cases', Item: { pk: S(`CASE#${caseId}`), sk: S('INDEX'), ...item } },
    output: units(n),
  });

  it('attributes to the case touched, and counts index writes from the items written and the layout', () => {
    const meter = new UsageMeter();
    const record = dynamoMeter(meter, { layouts: { cases: layout(index(1), index(2)) }, journal: 'journal' });
    return meter
      .within({}, async () => {
        // An item in both indexes (ALL): 3 units for the table, 1 KB per index entry (3 KB of data + 100 bytes).
        const data = S('x'.repeat(2900));
        record(put({ data, gsi1pk: S('a'), gsi1sk: S('1'), gsi2pk: S('b'), gsi2sk: S('1') }, 3));
        // An update that takes it out of one index writes both entries (one is deleted).
        record({
          command: 'UpdateItemCommand',
          input: {
            TableName: 'cases',
            Key: { pk: S(`CASE#${caseId}`), sk: S('INDEX') },
            UpdateExpression: 'SET a = :a REMOVE #g',
            ExpressionAttributeNames: { '#g': 'gsi1pk' },
          },
          output: units(1),
        });
        // Then one index only.
        record({
          command: 'UpdateItemCommand',
          input: {
            TableName: 'cases',
            Key: { pk: S(`CASE#${caseId}`), sk: S('INDEX') },
            UpdateExpression: 'SET a = :a',
          },
          output: units(1),
        });
        // A read that finds nothing costs half a unit (eventually consistent).
        record({
          command: 'QueryCommand',
          input: { TableName: 'journal', ExpressionAttributeValues: { ':c': S(caseId) } },
          output: units(0),
        });
      })
      .then(() => {
        expect(meter.of(caseId)?.dynamodb).toEqual({
          cases: {
            reads: 0,
            writes: 3,
            readUnits: 0,
            writeUnits: 3 + 6 + 1 + 6 + 1 + 3,
            indexWriteUnits: 6 + 6 + 3,
            writeUnitsByKind: { 'case index entry': 20 },
          },
          journal: { reads: 1, writes: 0, readUnits: 0.5, writeUnits: 0, indexWriteUnits: 0 },
        });
      });
  });

  it('an index that does not project the large attribute costs 1 unit an entry; a moved key costs 2; no change, 0', async () => {
    const meter = new UsageMeter();
    const projected = layout(index(1, { type: 'KEYS_ONLY' }), index(2, { type: 'INCLUDE', attributes: ['summary'] }));
    const record = dynamoMeter(meter, { layouts: { cases: projected }, journal: 'journal' });
    const big = { data: S('x'.repeat(2900)), summary: S('s') };
    await meter.within({}, async () => {
      record(put({ ...big, gsi1pk: S('a'), gsi1sk: S('1'), gsi2pk: S('b'), gsi2sk: S('1') }, 3)); // 3 + 1 + 1
      record(
        put({ ...big, data: S('y'.repeat(2900)), gsi1pk: S('a'), gsi1sk: S('1'), gsi2pk: S('b'), gsi2sk: S('1') }, 3),
      ); // 3: nothing projected changed
      record(put({ ...big, gsi1pk: S('a'), gsi1sk: S('2'), gsi2pk: S('b'), gsi2sk: S('1'), summary: S('t') }, 3)); // 3 + 2 + 1
    });
    const cases = meter.of(caseId)?.dynamodb.cases;
    expect(cases?.indexWriteUnits).toBe(2 + 0 + 3);
    expect(cases?.writeUnits).toBe(9 + 5);
  });

  it('names the kind of each item written', () => {
    expect(itemKind('cases', { pk: S('CASE#c1'), sk: S('CASE') }, 'journal')).toBe('case record');
    expect(itemKind('cases', { pk: S('CASE#c1'), sk: S('NODE#x') }, 'journal')).toBe('time node');
    expect(itemKind('cases', { pk: S('APPROVAL#a'), sk: S('APPROVAL') }, 'journal')).toBe('approval');
    expect(itemKind('journal', { caseId: S('c1') }, 'journal')).toBe('commit');
  });
});

describe('BENCHMARKS.md sections', () => {
  it('replaces its own section and leaves the others alone', () => {
    const file = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'bench-')), 'BENCHMARKS.md'));
    writeFileSync(file, '# Benchmarks\n\n## Command-center queries\n\nother numbers\n');
    writeSection('cost', '## Cost\n\nfirst', file);
    writeSection('cost', '## Cost\n\nsecond', file);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('## Command-center queries\n\nother numbers');
    expect(text).toContain('second');
    expect(text).not.toContain('first');
  });
});
