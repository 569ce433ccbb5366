/**
 * The titles the timeline names documents by are the templates' titles: one per kind of document, each equal to
 * its template's, none for a kind that has no template.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import { DOCUMENT_KINDS, TEMPLATES } from '#domain/documents/templates.ts';
import { DOCUMENT_TITLES } from '#domain/documents/titles.ts';
import { describeEvent } from '#domain/timeline/timeline.ts';

describe('DOCUMENT_TITLES', () => {
  it('has each template’s title, kind by kind', () => {
    for (const kind of DOCUMENT_KINDS) expect(DOCUMENT_TITLES[kind], kind).toBe(TEMPLATES[kind].title);
  });

  it('names no kind without a template', () => {
    expect(Object.keys(DOCUMENT_TITLES).sort()).toEqual([...DOCUMENT_KINDS].sort());
  });
});

describe('the timeline names an issued document by its title', () => {
  const names = { member: (id: string) => id, team: (id: string) => id };
  const issued = (kind: string) =>
    ({
      type: 'document-issued',
      kind,
      number: '（2026）京0105执通12号',
      sha256: 'ab'.repeat(32),
      docId: 'D-1',
    }) as unknown as CaseEvent;

  it('by the template’s title', () => {
    expect(describeEvent(issued('enforcement-notice'), undefined, names)).toContain('签发文书：执行通知书 （2026）');
  });

  it('by its kind when no template has it', () => {
    expect(describeEvent(issued('no-such-kind'), undefined, names)).toContain('签发文书：no-such-kind （2026）');
  });
});
