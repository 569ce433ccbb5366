/**
 * Renaming a case's party ids (the migration to keyed ids): every occurrence of an old id, as a value, a key or part
 * of one (item ids such as `<party id>:bank`), becomes the new id. Party ids are 16 characters of random-looking
 * base32 (`p` + 15), so an occurrence is never anything else.
 */
export function renamePartyIds<T>(value: T, ids: Readonly<Record<string, string>>): T {
  const olds = Object.keys(ids).filter((id) => /^p[a-z2-7]{15}$/.test(id));
  if (olds.length === 0) return value;
  const pattern = new RegExp(olds.join('|'), 'g');
  const rename = (text: string) => text.replace(pattern, (old) => ids[old] ?? old);
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return rename(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [rename(key), walk(child)]));
    }
    return node;
  };
  return walk(value) as T;
}
