/**
 * The DynamoDB part of the usage meter: every request to the embedded DynamoDB, with the capacity units it consumed
 * (dynalite computes them from the item sizes, as DynamoDB does: 1 KB per write unit, 4 KB per read unit, half for an
 * eventually consistent read, the larger of the old and new item for a write).
 *
 * dynalite does not count writes to global secondary indexes, which DynamoDB bills. They are computed here from the
 * items the adapters write and each index's projection (the table layout), by the rules DynamoDB states
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html, "Provisioned throughput
 * considerations": writes): an index entry holds the table's keys, the index's keys and the projected attributes,
 * plus 100 bytes, and a write to it costs 1 unit per KB of that; a write that puts an item into an index, or takes it
 * out, writes the index once; one that changes the item's index key writes it twice (a delete and a put); one that
 * changes neither the index key nor a projected attribute does not write the index. Every write is also tallied by
 * the kind of item written (case record, case index entry, time node, ...).
 */

import type { IndexLayout, TableLayout } from '#adapters/dynamodb/tables.ts';
import type { StoreRequest } from './local-store.ts';
import { tableTally, type UsageMeter } from './usage.ts';

type Marshalled = Record<string, unknown>;

const CASE_ID = /^c[a-z2-7]{19}$/;
const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand']);

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { S?: unknown }).S === 'string')
    return (value as { S: string }).S;
  return undefined;
}

function capacity(output: Marshalled): number {
  const consumed = output.ConsumedCapacity as { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;
  if (Array.isArray(consumed)) return consumed.reduce((total, c) => total + (c.CapacityUnits ?? 0), 0);
  return consumed?.CapacityUnits ?? 0;
}

/** The attribute names an update expression's clause (SET, REMOVE, ADD, DELETE) touches. */
function clauseNames(input: Marshalled, clause: 'SET' | 'REMOVE'): Set<string> {
  const expression = String(input.UpdateExpression ?? '');
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const found = new Set<string>();
  const parts = expression.split(/\b(SET|REMOVE|ADD|DELETE)\b/);
  for (let i = 1; i < parts.length; i += 2) {
    if (parts[i] !== clause) continue;
    for (const token of (parts[i + 1] ?? '').match(/[#A-Za-z_][A-Za-z0-9_]*/g) ?? [])
      found.add(token.startsWith('#') ? (names[token] ?? token) : token);
  }
  return found;
}

/** The bytes DynamoDB counts for an attribute value (names and values in UTF-8; numbers about 1 byte per 2 digits). */
export function valueSize(value: unknown): number {
  if (!value || typeof value !== 'object') return 1;
  const v = value as Record<string, unknown>;
  if (typeof v.S === 'string') return Buffer.byteLength(v.S, 'utf8');
  if (typeof v.N === 'string') return Math.ceil(v.N.replace(/^-|\.|e.*$/gi, '').length / 2) + 1;
  if (v.B instanceof Uint8Array) return v.B.byteLength;
  if (v.M && typeof v.M === 'object')
    return 3 + Object.entries(v.M as Marshalled).reduce((n, [k, x]) => n + Buffer.byteLength(k) + valueSize(x) + 1, 0);
  if (Array.isArray(v.L)) return 3 + v.L.reduce((n: number, x) => n + valueSize(x) + 1, 0);
  for (const set of ['SS', 'NS'] as const)
    if (Array.isArray(v[set])) return (v[set] as string[]).reduce((n, x) => n + Buffer.byteLength(x), 0);
  return 1;
}

/** The bytes of the named attributes of an item (all of them when `names` is undefined). */
function attributesSize(item: Marshalled, names?: readonly string[]): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (names && !names.includes(name)) continue;
    size += Buffer.byteLength(name, 'utf8') + valueSize(value);
  }
  return size;
}

/** What an item's entry in an index holds: its keys and the projected attributes, as one comparable text. */
interface IndexEntry {
  readonly key: string;
  readonly content: string;
  readonly units: number;
}

function indexEntry(item: Marshalled, index: IndexLayout, tableKeys: readonly string[]): IndexEntry | undefined {
  const pk = item[index.partitionKey.name];
  const sk = item[index.sortKey.name];
  // An item is in an index only with both of its key attributes (every index is keyed by partition and sort key).
  if (pk === undefined || sk === undefined) return undefined;
  const projection = index.projection ?? { type: 'ALL' };
  const keys = [...tableKeys, index.partitionKey.name, index.sortKey.name];
  const names =
    projection.type === 'ALL'
      ? undefined
      : projection.type === 'KEYS_ONLY'
        ? keys
        : [...keys, ...projection.attributes];
  const held = Object.fromEntries(Object.entries(item).filter(([name]) => !names || names.includes(name)));
  return {
    key: JSON.stringify([pk, sk]),
    content: JSON.stringify(Object.entries(held).sort(([a], [b]) => a.localeCompare(b))),
    // 100 bytes of overhead an index entry; 1 KB a write unit.
    units: Math.max(1, Math.ceil((attributesSize(held) + 100) / 1024)),
  };
}

/** The kind of a case-table item, from its key (journal and other tables: the table's own kind). */
export function itemKind(table: string, key: Marshalled | undefined, journal: string): string {
  if (table === journal) return 'commit';
  const pk = text(key?.pk) ?? '';
  const sk = text(key?.sk) ?? '';
  if (pk.startsWith('CASE#')) {
    if (sk === 'CASE') return 'case record';
    if (sk === 'INDEX') return 'case index entry';
    if (sk === 'SWEEP') return 'case sweep entry';
    if (sk.startsWith('NODE#')) return 'time node';
    if (sk.startsWith('PARTY#')) return 'party';
    return `case ${sk.split('#')[0]?.toLowerCase() ?? ''}`;
  }
  if (pk === '' && key && text(key.id) !== undefined) return 'idempotency';
  return pk.split('#')[0]?.toLowerCase() || 'other';
}

/**
 * An index entry after an update. The update's new image is not known here: one that sets or removes one of the
 * index's keys or projected attributes (any attribute under ALL) rewrites the entry, at the old entry's size (a key
 * set moves it: two writes when it was in the index); one that touches neither leaves it as it was.
 */
function updatedEntry(
  input: Marshalled,
  index: IndexLayout,
  old: IndexEntry | undefined,
  serial: number,
): IndexEntry | undefined {
  const set = clauseNames(input, 'SET');
  const removed = clauseNames(input, 'REMOVE');
  const keys = [index.partitionKey.name, index.sortKey.name];
  if (keys.some((k) => removed.has(k))) return undefined;
  const keySet = keys.some((k) => set.has(k));
  const projection = index.projection ?? { type: 'ALL' };
  const touched = [...set, ...removed];
  const projectedTouched =
    projection.type === 'ALL'
      ? touched.length > 0
      : projection.type === 'INCLUDE' && projection.attributes.some((a) => touched.includes(a));
  if (!old && !keySet) return undefined;
  if (old && !keySet && !projectedTouched) return old;
  const changed = `update ${serial}`;
  return { key: keySet ? changed : (old?.key ?? changed), content: changed, units: old?.units ?? 1 };
}

export interface MeteredTables {
  /** Table name → its layout (its keys, and its global secondary indexes with their projections). */
  readonly layouts: Readonly<Record<string, TableLayout>>;
  /** The journal table: queried and written by case id. */
  readonly journal: string;
}

export function dynamoMeter(meter: UsageMeter, tables: MeteredTables): (request: StoreRequest) => void {
  /** What each item holds in each index it is in: table|pk|sk → index name → entry. */
  const indexed = new Map<string, Map<string, IndexEntry>>();
  let updates = 0;

  return ({ command, input, output }) => {
    const table = String(input.TableName ?? '');
    const key = (input.Key ?? input.Item) as Marshalled | undefined;
    // Attribution: the first case a scope touches is the case its usage belongs to.
    const pk = text(key?.pk);
    if (pk?.startsWith('CASE#')) meter.noticeCase(pk.slice(5));
    if (table === tables.journal) {
      const values = [
        text(key?.caseId),
        ...Object.values((input.ExpressionAttributeValues ?? {}) as Marshalled).map(text),
      ];
      const id = values.find((v) => v !== undefined && CASE_ID.test(v));
      if (id) meter.noticeCase(id);
    }
    // An approval or a partner request names its case.
    const found = (output.Item ?? (output.Items as Marshalled[] | undefined)?.[0]) as Marshalled | undefined;
    const named = text(found?.caseId);
    if (named && CASE_ID.test(named)) meter.noticeCase(named);

    meter.call();
    const usage = meter.target();
    const tally = tableTally(usage, table);
    const units = capacity(output);
    if (READS.has(command)) {
      tally.reads++;
      // A read that finds nothing still costs its minimum: half a unit (eventually consistent) or one.
      tally.readUnits += Math.max(units, input.ConsistentRead ? 1 : 0.5);
      return;
    }
    tally.writes++;
    tally.writeUnits += units;
    const kind = itemKind(table, key, tables.journal);
    tally.writeUnitsByKind ??= {};
    const byKind = tally.writeUnitsByKind;
    byKind[kind] = (byKind[kind] ?? 0) + units;
    const layout = tables.layouts[table];
    if (!layout || layout.indexes.length === 0 || !key) return;
    const tableKeys = [layout.partitionKey.name, ...(layout.sortKey ? [layout.sortKey.name] : [])];
    const itemKey = `${table}|${text(key.pk)}|${text(key.sk)}`;
    const before = indexed.get(itemKey) ?? new Map<string, IndexEntry>();
    const after = new Map<string, IndexEntry>();
    let indexUnits = 0;
    for (const index of layout.indexes) {
      const old = before.get(index.name);
      let next: IndexEntry | undefined;
      if (command === 'PutItemCommand') {
        next = indexEntry(input.Item as Marshalled, index, tableKeys);
      } else if (command === 'UpdateItemCommand') {
        next = updatedEntry(input, index, old, ++updates);
      }
      if (old && next) {
        if (old.key !== next.key) indexUnits += old.units + next.units;
        else if (old.content !== next.content) indexUnits += next.units;
      } else if (old) indexUnits += old.units;
      else if (next) indexUnits += next.units;
      if (next) after.set(index.name, next);
    }
    tally.writeUnits += indexUnits;
    tally.indexWriteUnits += indexUnits;
    byKind[kind] = (byKind[kind] ?? 0) + indexUnits;
    if (after.size > 0) indexed.set(itemKey, after);
    else indexed.delete(itemKey);
  };
}
