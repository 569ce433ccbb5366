/** Builds cases for unit tests by folding real events, the way the case store does. */
import type { CaseEvent, Commit } from '#domain/case/events.ts';
import { GENESIS_HASH, sealCommit } from '#domain/case/journal.ts';
import type { EnforcementCase, Party } from '#domain/case/model.ts';
import { applyCommits } from '#domain/case/reducer.ts';
import { fen } from '#domain/money.ts';

export const applicant: Party = {
  partyId: 'papplicant0000001',
  kind: 'person',
  name: '申请人',
  idNumber: '130922198503150012',
  contact: { eServiceConsent: true },
};
export const respondent: Party = {
  partyId: 'prespondent00001',
  kind: 'person',
  name: '被执行人',
  idNumber: '130922199001010030',
  contact: { eServiceConsent: true },
};

export function filed(claimFen = 5_000_000): Extract<CaseEvent, { type: 'case-filed' }> {
  return {
    type: 'case-filed',
    court: { code: 'HB0922', name: '青县人民法院' },
    caseNumber: '（2026）冀0922执1号',
    kind: 'first',
    filedAt: '2026-03-02T01:00:00.000Z',
    applicants: [applicant],
    respondents: [respondent],
    basis: {
      documentNumber: '（2025）冀0922民初1号',
      court: '青县人民法院',
      kind: 'judgment',
      effectiveDate: '2026-01-20' as never,
    },
    claim: {
      items: [{ kind: 'principal', amountFen: fen(claimFen), creditorId: applicant.partyId }],
      totalFen: fen(claimFen),
    },
    intake: { eventId: 'e1', schemaVersion: 1, source: 'court.filing' },
  };
}

/** Each group of events is one commit, hash-chained like the real journal. */
export function commitsOf(caseId: string, ...groups: CaseEvent[][]): Commit[] {
  const commits: Commit[] = [];
  let prevHash = GENESIS_HASH;
  groups.forEach((events, i) => {
    const commit = sealCommit({
      caseId,
      seq: i + 1,
      at: new Date(Date.parse('2026-03-02T01:00:00.000Z') + i * 3_600_000).toISOString(),
      actor: { kind: 'system', id: 'test' },
      events,
      cause: {},
      prevHash,
    });
    commits.push(commit);
    prevHash = commit.hash;
  });
  return commits;
}

export function caseFrom(...groups: CaseEvent[][]): EnforcementCase {
  const state = applyCommits(undefined, commitsOf('cabcdefghijklmnopqrs', ...groups));
  if (!state) throw new Error('no case');
  return state;
}
