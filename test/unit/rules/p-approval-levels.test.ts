import { describe, expect, it } from 'vitest';
import {
  approvalTerms,
  canEscalate,
  disbursementApprover,
  ESCALATION_LADDER,
  firstLevel,
} from '#domain/approvals/policy.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst } from '../../support/calendar.ts';

describe('P-DISBURSEMENT-LEVELS (F2): who approves a disbursement', () => {
  const [teamLead, bureauChief] = RULES.P_DISBURSEMENT_LEVELS.levels;

  it('pass: up to the team-lead limit, the team lead approves', () => {
    expect(disbursementApprover(fen(teamLead?.upToFen ?? 0), RULES)).toBe('team-lead');
  });

  it('fail: one fen more and it goes to the bureau chief', () => {
    expect(disbursementApprover(fen((teamLead?.upToFen ?? 0) + 1), RULES)).toBe('bureau-chief');
  });

  it('above the bureau-chief limit, the president approves', () => {
    expect(disbursementApprover(fen((bureauChief?.upToFen ?? 0) + 1), RULES)).toBe('president');
    expect(firstLevel('disbursement', { amountFen: fen((bureauChief?.upToFen ?? 0) + 1) }, RULES)).toBe(2);
  });
});

describe('P-APPROVAL: an approval is due in 2 working days, then escalates one rung', () => {
  it('is due at the end of the second working day, China time', () => {
    const terms = approvalTerms('control-plan', 0, cst('2026-09-24 15:00'), RULES, calendar);
    expect(terms.dueAt).toBe('2026-09-29T15:59:59.999Z');
    expect(terms.requiredRole).toBe('team-lead');
    expect(terms.timeoutSeconds).toBe(
      Math.ceil((Date.parse(terms.dueAt) - Date.parse(cst('2026-09-24 15:00'))) / 1000),
    );
  });

  it('pass: the team lead and the bureau chief can be escalated from', () => {
    expect(canEscalate('control-plan', 0)).toBe(true);
    expect(canEscalate('disbursement', 1)).toBe(true);
  });

  it('fail: nobody is above the president', () => {
    expect(ESCALATION_LADDER.at(-1)).toBe('president');
    expect(canEscalate('control-plan', ESCALATION_LADDER.length - 1)).toBe(false);
    expect(canEscalate('disbursement', ESCALATION_LADDER.length - 1)).toBe(false);
  });
});
