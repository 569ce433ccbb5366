import { describe, expect, it } from 'vitest';
import type { Commit } from '#domain/case/events.ts';
import { verifyChain } from '#domain/case/journal.ts';
import { commitsOf, filed } from '../../support/cases.ts';

describe('the hash-chained journal', () => {
  const commits = commitsOf(
    'cabcdefghijklmnopqrs',
    [filed()],
    [{ type: 'status-changed', from: 'filed', to: 'triaged', reason: 'r' }],
    [{ type: 'documents-issued', documents: [] }],
  );

  it('pass: an untouched chain verifies', () => {
    expect(verifyChain(commits)).toMatchObject({ ok: true, commits: 3 });
  });

  it('fail: an edited commit is named', () => {
    const edited: Commit[] = commits.map((c) =>
      c.seq === 2 ? { ...c, events: [{ type: 'status-changed', from: 'filed', to: 'closed', reason: 'r' }] } : c,
    );
    expect(verifyChain(edited)).toEqual({
      ok: false,
      seq: 2,
      problem: 'content does not match its hash (edited after it was written)',
    });
  });

  it('fail: a removed commit is named', () => {
    expect(verifyChain([commits[0], commits[2]] as Commit[])).toMatchObject({ ok: false, seq: 3 });
  });

  it('fail: commits removed from the end are caught against the case record', () => {
    const last = commits[2] as Commit;
    expect(verifyChain(commits.slice(0, 2), { version: 3, head: last.hash })).toMatchObject({ ok: false, seq: 3 });
    expect(verifyChain(commits, { version: 3, head: last.hash })).toMatchObject({ ok: true });
  });

  it('fail: a re-hashed forgery breaks the next link', () => {
    const [first, second, third] = commits as [Commit, Commit, Commit];
    const forged = { ...second, actor: { kind: 'staff' as const, id: 'mallory' } };
    expect(verifyChain([first, forged, third])).toMatchObject({ ok: false, seq: 2 });
  });
});
