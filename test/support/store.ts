/** Reaching behind the adapters into the embedded runtime's SQLite database, for tests that check what is stored. */
import type { EmbeddedRuntime } from '../../local/runtime/runtime.ts';

/** Every row of one table, as SQLite returns them. */
export function rows(runtime: EmbeddedRuntime, table: string): Record<string, unknown>[] {
  return runtime.database.db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).all() as Record<
    string,
    unknown
  >[];
}

/** Everything in every table, in a stable order. */
export function snapshotDatabase(runtime: EmbeddedRuntime): string {
  const tables = runtime.database.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const content: Record<string, string[]> = {};
  for (const { name } of tables)
    content[name] = rows(runtime, name)
      .map((row) => JSON.stringify(row))
      .sort();
  return JSON.stringify(content);
}
