import { describe, expect, it } from 'vitest';
import type { EnforcementCase } from '#domain/case/model.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import type { StaffMember, Team } from '#domain/staff/roles.ts';
import { assign, classify, NoTeamError } from '#domain/triage/triage.ts';

type TriageInput = Pick<EnforcementCase, 'kind' | 'claim' | 'respondents'>;
const respondent = {
  partyId: 'p1',
  kind: 'person',
  name: 'x',
  idNumber: 'x',
  contact: { eServiceConsent: false },
} as const;
const input = (claimFen: number, respondents = 1, kind: EnforcementCase['kind'] = 'first'): TriageInput => ({
  kind,
  claim: { items: [], totalFen: fen(claimFen) },
  respondents: Array.from({ length: respondents }, () => respondent),
});

describe('P-TRIAGE: simple or complex', () => {
  const limit = RULES.P_TRIAGE.simpleMaxClaimFen;

  it('pass: at the claim limit with one respondent, the case is simple', () => {
    expect(classify(input(limit), RULES).track).toBe('simple');
  });

  it('fail: one fen over the limit, the case is complex', () => {
    expect(classify(input(limit + 1), RULES)).toEqual({ track: 'complex', reasons: ['执行标的额超过简案标准'] });
  });

  it('fail: too many respondents, the case is complex', () => {
    expect(classify(input(100, RULES.P_TRIAGE.simpleMaxRespondents + 1), RULES).track).toBe('complex');
  });

  it('a resumed case goes to the resumption team whatever its size', () => {
    expect(classify(input(limit * 10, 5, 'resumed'), RULES).track).toBe('resumed');
  });
});

describe('assignment within a team', () => {
  const team = (teamId: string, kind: Team['kind']): Team => ({ teamId, name: teamId, kind, court: 'C1' });
  const officer = (userId: string, teamId: string, active = true): StaffMember => ({
    userId,
    name: userId,
    court: 'C1',
    roles: ['handling-officer'],
    team: teamId,
    active,
  });
  const teams = [team('impl-1', 'implementation'), team('impl-2', 'implementation'), team('fast', 'fast-track')];
  const staff = [
    officer('a', 'impl-1'),
    officer('b', 'impl-1'),
    officer('c', 'impl-2'),
    officer('d', 'fast'),
    officer('e', 'impl-2', false),
  ];

  it('chooses the least-loaded team, then its least-loaded officer', () => {
    expect(assign('complex', 'C1', teams, staff, { a: 3, b: 1, c: 4 })).toEqual({ team: 'impl-1', officer: 'b' });
    expect(assign('complex', 'C1', teams, staff, { a: 5, b: 5, c: 1 })).toEqual({ team: 'impl-2', officer: 'c' });
  });

  it('takes turns on equal loads, in directory order', () => {
    expect(assign('complex', 'C1', teams, staff, {})).toEqual({ team: 'impl-1', officer: 'a' });
    expect(assign('complex', 'C1', teams, staff, { a: 1 })).toEqual({ team: 'impl-2', officer: 'c' });
    expect(assign('complex', 'C1', teams, staff, { a: 1, c: 1 })).toEqual({ team: 'impl-1', officer: 'b' });
  });

  it('never assigns an inactive officer; a court without a team of the kind routes to one it has, and says so', () => {
    expect(assign('simple', 'C1', teams, staff, {})).toEqual({ team: 'fast', officer: 'd' });
    expect(assign('resumed', 'C1', teams, staff, {})).toEqual({
      team: 'impl-1',
      officer: 'a',
      note: '本院未设执行恢复团队（或无在岗承办人），分至首执实施团队办理',
    });
  });

  it('pass: no fast-track team: a simple case goes to an implementation team; fail: no team at all is NoTeamError', () => {
    const noFast = teams.filter((t) => t.kind !== 'fast-track');
    expect(assign('simple', 'C1', noFast, staff, {})).toMatchObject({
      team: 'impl-1',
      note: expect.stringContaining('简案快执团队'),
    });
    expect(() => assign('simple', 'C1', [], staff, {})).toThrow(NoTeamError);
  });
});
