/** The case timeline staff read: one line per thing that happened, in words, never blank, never twice. */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import { fen } from '#domain/money.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import { commitsOf, filed } from '../../support/cases.ts';

const names = { member: (id: string) => id, team: (id: string) => id };
const published = (acknowledged: string[]): CaseEvent =>
  ({ type: 'credit-published', what: 'restriction', acknowledged, missing: [] }) as unknown as CaseEvent;

describe('the case timeline', () => {
  it('pass: two events of one commit that read the same make one line; fail: in two commits they make two', () => {
    const received: CaseEvent = {
      type: 'money-received',
      entryId: 'e1',
      amountFen: fen(100),
      source: 'voluntary',
      note: '被执行人主动履行',
    };
    const once = timeline(
      commitsOf('cabcdefghijklmnopqrs', [filed()], [received, { ...received, entryId: 'e2' }]),
      names,
    );
    expect(once.filter((l) => l.text.startsWith('案款到账'))).toHaveLength(1);
    const twice = timeline(
      commitsOf('cabcdefghijklmnopqrs', [filed()], [received], [{ ...received, entryId: 'e2' }]),
      names,
    );
    expect(twice.filter((l) => l.text.startsWith('案款到账'))).toHaveLength(2);
    expect(twice.every((l) => l.text !== '')).toBe(true);
  });

  it('names credit recipients in one order, whatever order they answered in', () => {
    const a = timeline(commitsOf('cabcdefghijklmnopqrs', [filed()], [published(['railway', 'civil-aviation'])]), names);
    const b = timeline(commitsOf('cabcdefghijklmnopqrs', [filed()], [published(['civil-aviation', 'railway'])]), names);
    expect(a.at(-1)?.text).toBe(b.at(-1)?.text);
  });
});
