/**
 * The font as the renderer embeds it. WOFF 1.0 is decoded once to its sfnt tables (fontkit inflates a WOFF table on
 * every access, which makes laying out Chinese text take seconds per character), and for each document the glyf
 * table keeps only the glyphs the document uses (with the components of composite glyphs), glyph ids unchanged.
 *
 * This is the subsetting: pdf-lib's own subsetter (@pdf-lib/fontkit 1.1) drops the components of composite glyphs,
 * and most glyphs of Noto Serif SC are composites, so a subset made that way draws blanks.
 */
import { inflateSync } from 'node:zlib';

export interface SfntFont {
  readonly flavor: number;
  readonly tables: ReadonlyMap<string, Buffer>;
}

export function decodeWoff(woff: Uint8Array): SfntFont {
  const input = Buffer.from(woff);
  if (input.readUInt32BE(0) !== 0x774f4646) throw new Error('不是 WOFF 字体文件');
  const numTables = input.readUInt16BE(12);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    const offset = input.readUInt32BE(entry + 4);
    const compLength = input.readUInt32BE(entry + 8);
    const origLength = input.readUInt32BE(entry + 12);
    const raw = input.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : Buffer.from(raw);
    if (data.length !== origLength) throw new Error('WOFF 表长度不符');
    tables.set(input.toString('latin1', entry, entry + 4), data);
  }
  return { flavor: input.readUInt32BE(4), tables };
}

function checksum(data: Buffer): number {
  let sum = 0;
  const padded = Buffer.alloc((data.length + 3) & ~3);
  data.copy(padded);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

export function encodeSfnt(font: SfntFont): Buffer {
  const entries = [...font.tables.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const numTables = entries.length;
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= numTables) {
    searchRange *= 2;
    entrySelector++;
  }
  const headerLength = 12 + numTables * 16;
  const total = entries.reduce((sum, [, data]) => sum + ((data.length + 3) & ~3), headerLength);
  const out = Buffer.alloc(total);
  out.writeUInt32BE(font.flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange * 16, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange * 16, 10);
  let offset = headerLength;
  entries.forEach(([tag, data], i) => {
    const record = 12 + i * 16;
    out.write(tag, record, 'latin1');
    out.writeUInt32BE(checksum(data), record + 4);
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(data.length, record + 12);
    data.copy(out, offset);
    offset += (data.length + 3) & ~3;
  });
  return out;
}

/** A glyph's bytes in glyf, from loca. */
function glyphRanges(font: SfntFont): { offsets: number[]; glyf: Buffer } {
  const head = font.tables.get('head');
  const loca = font.tables.get('loca');
  const glyf = font.tables.get('glyf');
  if (!head || !loca || !glyf) throw new Error('字体缺少 head/loca/glyf 表');
  const long = head.readInt16BE(50) === 1;
  const count = long ? loca.length / 4 : loca.length / 2;
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) offsets.push(long ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2);
  return { offsets, glyf };
}

const MORE_COMPONENTS = 0x0020;

function components(glyph: Buffer): number[] {
  if (glyph.length < 10 || glyph.readInt16BE(0) >= 0) return [];
  const found: number[] = [];
  let at = 10;
  for (;;) {
    const flags = glyph.readUInt16BE(at);
    found.push(glyph.readUInt16BE(at + 2));
    at += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
    if (!(flags & MORE_COMPONENTS)) return found;
  }
}

/** The font with every glyph outside `keep` (and their components, and .notdef) emptied; ids unchanged. */
export function keepGlyphs(font: SfntFont, keep: Iterable<number>): SfntFont {
  const { offsets, glyf } = glyphRanges(font);
  const glyph = (id: number) => glyf.subarray(offsets[id] as number, offsets[id + 1] as number);
  const kept = new Set<number>([0]);
  const pending = [...keep];
  while (pending.length > 0) {
    const id = pending.pop() as number;
    if (kept.has(id) || id >= offsets.length - 1) continue;
    kept.add(id);
    pending.push(...components(glyph(id)));
  }
  const parts: Buffer[] = [];
  const loca = Buffer.alloc(offsets.length * 4);
  let at = 0;
  for (let id = 0; id < offsets.length - 1; id++) {
    loca.writeUInt32BE(at, id * 4);
    if (!kept.has(id)) continue;
    const data = glyph(id);
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    parts.push(padded);
    at += padded.length;
  }
  loca.writeUInt32BE(at, (offsets.length - 1) * 4);
  const head = Buffer.from(font.tables.get('head') as Buffer);
  head.writeInt16BE(1, 50);
  const tables = new Map(font.tables);
  tables.set('glyf', Buffer.concat(parts));
  tables.set('loca', loca);
  tables.set('head', head);
  return { flavor: font.flavor, tables };
}
