/**
 * Shared setup for the 中止执行 workflow scenarios: one respondent with one ICBC deposit, a filed case, and the
 * suspension proposed by the handling officer and ruled by the bureau chief.
 */
import { expect } from 'vitest';
import { filingEvent, RESPONDENT_ID, type Scenario, staffPost } from './runtime.ts';

export const YUAN = 100;
export const OFFICER = { user: 'wang-fang', groups: 'handling-officer' };
export const CHIEF = { user: 'zhang-wei', groups: 'bureau-chief' };

/** A script in which the respondent is served electronically and holds one ICBC deposit of 50,000 yuan. */
export function depositWorld(reference: string) {
  return {
    respondents: {
      [RESPONDENT_ID]: {
        eService: 'ok' as const,
        assets: [{ channel: 'icbc', class: 'deposit' as const, reference, balanceFen: 50_000 * YUAN }],
      },
    },
  };
}

/** The status of the named execution in the runtime store, if it exists. */
export async function executionStatus(s: Scenario, name: string) {
  return (await s.runtime.runtimeStore.getExecution(name))?.status;
}

/** Files case number `n` claiming 30,000 yuan and returns its id. */
export async function fileSuspensionCase(s: Scenario, n: number): Promise<string> {
  const outcome = await s.runtime.intake(filingEvent(n, { claimFen: 30_000 * YUAN }));
  if (outcome.outcome !== 'created') throw new Error('not created');
  return outcome.caseId;
}

/** The officer proposes 中止执行 (retrial review) and the chief approves it; the investigation run is stopped. */
export async function ruleSuspension(s: Scenario, caseId: string): Promise<void> {
  const proposed = await staffPost(
    s,
    OFFICER,
    caseId,
    '/suspension',
    { kind: 'suspension', ground: 'other-court-finds', note: '据以执行的判决正在再审审查' },
    'api',
  );
  expect(proposed.status).toBe(200);
  const ruled = await staffPost(s, CHIEF, caseId, '/suspension/ruling', { decision: 'approved' });
  expect(ruled.status).toBe(200);
  expect((await s.load(caseId)).suspension?.stopped).toEqual(['investigation']);
}
