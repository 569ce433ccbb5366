/**
 * The DynamoDB part of the usage meter: every request to the embedded DynamoDB, with the capacity units it consumed
 * (dynalite computes them from the item sizes, as DynamoDB does: 1 KB per write unit, 4 KB per read unit, half for an
 * eventually consistent read, the larger of the old and new item for a write).
 *
 * dynalite does not count writes to global secondary indexes, which DynamoDB bills. They are estimated here from the
 * items the adapters write: an item that carries an index's key attribute is in that index (every index projects
 * ALL, so an index entry is as large as the item), and each write to such an item (put, update or delete, or the
 * update that takes it out of the index) writes the index entry once more. A write that changes an index key costs
 * DynamoDB two index writes (a delete and a put); this estimate counts one.
 */
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

export interface MeteredTables {
  /** Table name → the key attributes of its global secondary indexes. */
  readonly indexKeys: Readonly<Record<string, readonly string[]>>;
  /** The journal table: queried and written by case id. */
  readonly journal: string;
}

export function dynamoMeter(meter: UsageMeter, tables: MeteredTables): (request: StoreRequest) => void {
  /** Items known to be in an index: table|pk|sk → index key attributes present. */
  const indexed = new Map<string, Set<string>>();

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
    const indexKeys = tables.indexKeys[table] ?? [];
    if (indexKeys.length === 0 || !key) return;
    const itemKey = `${table}|${text(key.pk)}|${text(key.sk)}`;
    const before = indexed.get(itemKey) ?? new Set<string>();
    let after: Set<string>;
    if (command === 'PutItemCommand') {
      after = new Set(indexKeys.filter((attribute) => (input.Item as Marshalled)[attribute] !== undefined));
    } else if (command === 'UpdateItemCommand') {
      const set = clauseNames(input, 'SET');
      const removed = clauseNames(input, 'REMOVE');
      after = new Set([...before, ...indexKeys.filter((a) => set.has(a))].filter((a) => !removed.has(a)));
    } else {
      after = new Set();
    }
    const touched = new Set([...before, ...after]).size;
    const indexUnits = units * touched;
    tally.writeUnits += indexUnits;
    tally.indexWriteUnits += indexUnits;
    if (after.size > 0) indexed.set(itemKey, after);
    else indexed.delete(itemKey);
  };
}
