/**
 * A document that cannot be made after a staff act (a missing field) is told to the command center once: later acts
 * on the case, which run issuing again and meet the same problem, tell nothing new; another document's problem, or
 * another problem of the same document, is told.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import { type IssueReport, unalertedProblems } from '#use-cases/documents.ts';
import { commitsOf, filed } from '../../support/cases.ts';

type Problem = IssueReport['problems'][number];

const noReason: Problem = { kind: 'suspension-ruling', trigger: '4:suspension', problem: '缺少字段：中止事由' };
const noCosts: Problem = { kind: 'distribution-plan', trigger: '7:distribution', problem: '缺少字段：执行费用' };

/** Staff acts in turn, each followed by issuing that reports `problems`; what the command center is told each time. */
function acts(...reports: Problem[][]): Problem[][] {
  const groups: CaseEvent[][] = [[filed()]];
  return reports.map((problems) => {
    const fresh = unalertedProblems(commitsOf('c1', ...groups), problems);
    groups.push(fresh.map((p) => ({ type: 'document-problem-alerted', ...p })));
    return [...fresh];
  });
}

describe('a document’s problem is alerted once', () => {
  it('the act that meets it alerts; two later acts meeting the same problem alert nothing', () => {
    expect(acts([noReason], [noReason], [noReason])).toEqual([[noReason], [], []]);
  });

  it('a different missing document alerts again, the one already told does not', () => {
    expect(acts([noReason], [noReason, noCosts], [noReason, noCosts])).toEqual([[noReason], [noCosts], []]);
  });

  it('another problem of the same document (another field missing) alerts', () => {
    const other = { ...noReason, problem: '缺少字段：法律依据' };
    expect(acts([noReason], [other])).toEqual([[noReason], [other]]);
  });

  it('the same document called for by another act on the journal alerts', () => {
    const again = { ...noReason, trigger: '9:suspension' };
    expect(acts([noReason], [again])).toEqual([[noReason], [again]]);
  });

  it('a problem reported twice in one issuing is told once', () => {
    expect(acts([noReason, noReason])).toEqual([[noReason]]);
  });
});
