/**
 * What the functions that issue bundle of the templates: template-index.ts (version, title, series and fields of
 * each), equal to the templates (npm run function-data writes it); the text is composed by the renderer alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDate } from '#domain/calendar/local-date.ts';
import { composeDocument, draftDocument, MissingDocumentFieldError } from '#domain/documents/compose.ts';
import { TEMPLATE_INDEX } from '#domain/documents/template-index.ts';
import { DOCUMENT_KINDS, TEMPLATES, templateIndex } from '#domain/documents/templates.ts';
import { fieldsFor } from './fixtures.ts';

const FUNCTIONS = new URL('../../../functions/', import.meta.url).pathname;

describe('the template index', () => {
  it('equals the templates (else run npm run function-data)', () => {
    expect(TEMPLATE_INDEX).toEqual(templateIndex());
    expect(Object.keys(TEMPLATE_INDEX)).toEqual(DOCUMENT_KINDS);
  });

  it('drafts a document exactly when composing it succeeds, with the same missing field', () => {
    for (const kind of DOCUMENT_KINDS) {
      const input = {
        kind,
        number: '（2026）冀0922执1号',
        officer: '马超',
        approver: '黄磊',
        date: localDate('2026-03-02'),
        fields: fieldsFor(kind),
      };
      expect(draftDocument(input).title, kind).toBe(TEMPLATES[kind].title);
      expect(composeDocument(draftDocument(input))).toEqual(composeDocument(input));
      for (const field of [...TEMPLATE_INDEX[kind].fields, 'courtName', 'officer']) {
        const lacking =
          field === 'officer' ? { ...input, officer: ' ' } : { ...input, fields: { ...input.fields, [field]: '' } };
        const composing = (() => {
          try {
            composeDocument(lacking);
            return undefined;
          } catch (error) {
            return error;
          }
        })();
        expect(composing, `${kind} ${field}`).toBeInstanceOf(MissingDocumentFieldError);
        expect(() => draftDocument(lacking), `${kind} ${field}`).toThrow((composing as Error).message);
      }
    }
  });

  it('is what code under functions/ reads: the templates text only in composing and the render contract', () => {
    const allowed = ['domain/documents/compose.ts', 'domain/documents/templates.ts', 'contracts/render-document.ts'];
    const offending = readdirSync(FUNCTIONS, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && !allowed.includes(name))
      .filter((name) =>
        /import \{[^}]*\b(TEMPLATES|DISPUTE_TEMPLATES)\b[^}]*\} from '[^']*templates\.ts'/.test(
          readFileSync(join(FUNCTIONS, name), 'utf8'),
        ),
      );
    expect(offending).toEqual([]);
  });
});
