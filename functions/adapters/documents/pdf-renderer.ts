/**
 * Renders a composed document to an A4 PDF with pdf-lib and an embedded subset of Noto Serif SC (SIL OFL 1.1, from
 * @fontsource/noto-serif-sc). The layout follows the style's order: court, title, number, addressee, body, the
 * officer's and approver's names, the date in Chinese numerals, and the seal's place over the date.
 *
 * Deterministic: the same document gives the same bytes (fixed metadata dates derived from the document's date, a
 * fixed font name, pdf-lib's seeded object naming, no document ID).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { ComposedDocument } from '#domain/documents/compose.ts';
import { decodeWoff, encodeSfnt, keepGlyphs, type SfntFont } from './woff.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 79;
const MARGIN_TOP = 72;
const MARGIN_BOTTOM = 72;
const BODY_SIZE = 15;
const LINE_GAP = 12;
export const FONT_FILE = '@fontsource/noto-serif-sc/files/noto-serif-sc-chinese-simplified-400-normal.woff';
/** The font's name beside a Lambda bundle (infra/constructs/step-function.ts copies it there). */
export const BUNDLED_FONT = 'noto-serif-sc.woff';

/** The WOFF beside the bundle on Lambda, else from the package. */
function fontFile(): string {
  const beside = fileURLToPath(new URL(`./${BUNDLED_FONT}`, import.meta.url));
  return existsSync(beside) ? beside : createRequire(import.meta.url).resolve(FONT_FILE);
}
/** The embedded subset's name: fixed, so renders do not differ by a random tag. */
const FONT_NAME = 'ENFDOC+NotoSerifSC-Regular';

export class UnrenderableCharacterError extends Error {
  readonly character: string;
  constructor(character: string) {
    super(`字体中没有字符「${character}」(U+${character.codePointAt(0)?.toString(16).toUpperCase()})，无法生成文书`);
    this.name = 'UnrenderableCharacterError';
    this.character = character;
  }
}

let fullFont: { sfnt: SfntFont; bytes: Buffer; glyphs: Map<number, number> } | undefined;
function loadFont(): NonNullable<typeof fullFont> {
  if (!fullFont) {
    const sfnt = decodeWoff(readFileSync(fontFile()));
    const bytes = encodeSfnt(sfnt);
    const parsed = fontkit.create(bytes);
    const glyphs = new Map<number, number>();
    for (const codePoint of parsed.characterSet) glyphs.set(codePoint, parsed.glyphForCodePoint(codePoint).id);
    fullFont = { sfnt, bytes, glyphs };
  }
  return fullFont;
}

/** The font with only the glyphs of `texts`; an error naming the first character the font does not have. */
function fontFor(texts: readonly string[]): Buffer {
  const { sfnt, glyphs } = loadFont();
  const keep = new Set<number>();
  for (const text of texts)
    for (const char of text) {
      const id = glyphs.get(char.codePointAt(0) as number);
      if (id === undefined) throw new UnrenderableCharacterError(char);
      keep.add(id);
    }
  return encodeSfnt(keepGlyphs(sfnt, keep));
}

const NO_LINE_START = new Set([...'，。、；：？！）》」』”’%']);

/**
 * Splits text into lines no wider than `width`: Chinese breaks between any two characters, but a run of digits and
 * Latin letters (an amount, a number) stays whole.
 */
function wrap(font: PDFFont, text: string, size: number, width: number, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = indent;
  for (const char of text.match(/[0-9A-Za-z.,]+|./gsu) ?? []) {
    const w = font.widthOfTextAtSize(char, size);
    // A closing mark never starts a line (避头): it hangs into the margin instead.
    if (lineWidth + w > width && line !== '' && !NO_LINE_START.has(char)) {
      lines.push(line);
      line = '';
      lineWidth = 0;
    }
    line += char;
    lineWidth += w;
  }
  if (line !== '') lines.push(line);
  return lines;
}

class Layout {
  page: PDFPage;
  y: number;
  readonly pdf: PDFDocument;
  readonly font: PDFFont;
  constructor(pdf: PDFDocument, font: PDFFont) {
    this.pdf = pdf;
    this.font = font;
    this.page = pdf.addPage(A4);
    this.y = A4[1] - MARGIN_TOP;
  }
  ensure(height: number): void {
    if (this.y - height >= MARGIN_BOTTOM) return;
    this.page = this.pdf.addPage(A4);
    this.y = A4[1] - MARGIN_TOP;
  }
  line(text: string, size: number, align: 'left' | 'center' | 'right', x = MARGIN_X): void {
    this.ensure(size + LINE_GAP);
    this.y -= size;
    const width = this.font.widthOfTextAtSize(text, size);
    const left = align === 'center' ? (A4[0] - width) / 2 : align === 'right' ? A4[0] - MARGIN_X - width : x;
    this.page.drawText(text, { x: left, y: this.y, size, font: this.font, color: rgb(0, 0, 0) });
    this.y -= LINE_GAP;
  }
  paragraph(text: string, size: number): void {
    const width = A4[0] - 2 * MARGIN_X;
    const indent = size * 2;
    wrap(this.font, text, size, width, indent).forEach((line, index) => {
      this.line(line, size, 'left', MARGIN_X + (index === 0 ? indent : 0));
    });
  }
}

/** The PDF metadata date: the document's own date at noon China time, never the clock. */
function metadataDate(doc: ComposedDocument): Date {
  return new Date(`${doc.date}T04:00:00.000Z`);
}

export async function renderPdf(doc: ComposedDocument): Promise<PDFDocument> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const texts = [
    doc.courtName,
    doc.title,
    doc.number,
    doc.addressee ?? '',
    ...doc.paragraphs,
    doc.officer,
    doc.approver,
    doc.dateText,
    '执行员审批人（院印）　 ',
  ];
  const font = await pdf.embedFont(fontFor(texts), { subset: false, customName: FONT_NAME });
  const at = metadataDate(doc);
  pdf.setTitle(`${doc.title} ${doc.number}`);
  pdf.setSubject(doc.caseNumber);
  pdf.setAuthor(doc.courtName);
  pdf.setCreator('court-enforcement documents');
  pdf.setProducer('court-enforcement documents (pdf-lib)');
  pdf.setCreationDate(at);
  pdf.setModificationDate(at);

  const layout = new Layout(pdf, font);
  layout.line(doc.courtName, 22, 'center');
  layout.y -= 4;
  layout.line([...doc.title].join(doc.title.length <= 6 ? ' ' : ''), 26, 'center');
  layout.y -= 4;
  layout.line(doc.number, BODY_SIZE, 'right');
  layout.y -= 8;
  if (doc.addressee) layout.line(doc.addressee, BODY_SIZE, 'left');
  for (const paragraph of doc.paragraphs) layout.paragraph(paragraph, BODY_SIZE);
  layout.y -= 24;
  layout.ensure(200);
  layout.line(`执行员　${doc.officer}`, BODY_SIZE, 'right');
  layout.line(`审批人　${doc.approver}`, BODY_SIZE, 'right');
  layout.y -= 36;
  const dateY = layout.y;
  layout.line(doc.dateText, BODY_SIZE, 'right');
  // The seal's place: a circle over the date, as the seal is pressed on paper copies.
  const dateWidth = font.widthOfTextAtSize(doc.dateText, BODY_SIZE);
  layout.page.drawCircle({
    x: A4[0] - MARGIN_X - dateWidth / 2,
    y: dateY - BODY_SIZE / 2,
    size: 58,
    borderColor: rgb(0.8, 0.1, 0.1),
    borderWidth: 1.2,
    borderDashArray: [4, 3],
  });
  layout.line('（院印）', 10, 'right');
  return pdf;
}
