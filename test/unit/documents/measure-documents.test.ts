/** The measures' documents (issue 15): which acts issue which, with the fields the templates need. */
import { describe, expect, it } from 'vitest';
import { localDate } from '#domain/calendar/local-date.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { composeDocument } from '#domain/documents/compose.ts';
import { measureDocuments } from '#domain/documents/measure-triggers.ts';
import { fen } from '#domain/money.ts';
import { applicant, caseFrom, filed, respondent } from '../../support/cases.ts';
import { fieldsFor } from './fixtures.ts';

const base = caseFrom([filed()]);
const withBan: EnforcementCase = {
  ...base,
  measures: {
    exitBan: {
      respondentId: respondent.partyId,
      persons: [{ personId: respondent.partyId, partyId: respondent.partyId, role: 'respondent' }],
      origin: 'application',
      applicantId: applicant.partyId,
      reason: '拟出境',
      proposedBy: 'wang-fang',
      proposedAt: '2026-03-02T00:00:00.000Z',
      execution: 'x',
      status: 'ordered',
      restricted: [],
      released: [],
      notices: [],
    },
    reward: {
      applicantId: applicant.partyId,
      method: 'fixed',
      amountFen: fen(1_000_000),
      capFen: fen(1_000_000),
      appliedAt: '2026-03-02T00:00:00.000Z',
      appliedBy: 'wang-fang',
      execution: 'y',
      status: 'published',
      depositFen: fen(1_000_000),
      leads: [],
      paidFen: fen(0),
      refundedFen: fen(0),
    },
  },
};

function text(kind: Parameters<typeof fieldsFor>[0], fields: Record<string, string>): string {
  const doc = composeDocument({
    kind,
    number: '（2026）冀0922执限出1号',
    officer: '马超',
    approver: '黄磊',
    date: localDate('2026-03-02'),
    fields: { ...fieldsFor(kind), ...fields },
  });
  return doc.paragraphs.join('');
}

describe('the measures’ documents', () => {
  it('pass: an approved exit restriction issues the decision and the notice to the exit-entry authority', () => {
    const docs = measureDocuments(withBan, { type: 'exit-ban-decided', decision: 'approved', by: 'z', docId: 'd1' });
    expect(docs.map((d) => d.kind)).toEqual(['exit-ban-decision', 'exit-ban-assistance']);
    const decision = text('exit-ban-decision', docs[0]?.fields ?? {});
    expect(decision).toContain(`限制被执行人${respondent.name}出境`);
    expect(decision).toContain(`申请执行人${applicant.name}书面申请`);
    const lift = measureDocuments(withBan, {
      type: 'exit-ban-lifted',
      reason: 'full-performance',
      by: 'z',
      docId: 'd2',
    });
    expect(text('exit-ban-lift', lift[0]?.fields ?? {})).toContain('被执行人已履行全部债务');
    const notice = measureDocuments(withBan, { type: 'reward-published', docId: 'd3' });
    expect(text('reward-notice', notice[0]?.fields ?? {})).toContain('人民币10,000.00元');
  });

  it('fail: a refused restriction or referral issues nothing', () => {
    expect(measureDocuments(withBan, { type: 'exit-ban-decided', decision: 'rejected', by: 'z' })).toEqual([]);
    expect(
      measureDocuments(withBan, { type: 'bankruptcy-decided', decision: 'approved', by: 'z', docId: 'd' }),
    ).toEqual([]);
  });
});
