/**
 * The two implementations of every store port the embedded runtime uses: the DynamoDB adapters (on dynalite, the
 * test double of DynamoDB) and the SQLite adapters (on a database in a temporary directory). A contract suite runs
 * the same cases against both, so that they cannot drift apart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { dynamoStores } from '../../../local/runtime/dynamo-stores.ts';
import { type RuntimeStores, sqliteStores } from '../../../local/runtime/stores.ts';
import { openDatabase } from '../../../local/store/database.ts';

export interface Backend {
  readonly name: string;
  open(): Promise<RuntimeStores>;
}

const opened: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of opened.splice(0)) await close();
});

export const BACKENDS: readonly Backend[] = [
  {
    name: 'DynamoDB (dynalite)',
    async open() {
      const stores = await dynamoStores(undefined, undefined);
      opened.push(() => stores.close());
      return stores;
    },
  },
  {
    name: 'SQLite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'enforce-contract-'));
      const database = openDatabase(dir);
      const stores = sqliteStores(database);
      opened.push(async () => {
        database.close();
        rmSync(dir, { recursive: true, force: true });
      });
      return stores;
    },
  },
];
