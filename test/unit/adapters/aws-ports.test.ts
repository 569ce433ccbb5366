/** awsPorts: a function's dependencies from the factories of the ports it declares, each built once. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { awsCases, awsPorts, awsQueries, awsRequests, awsStaff } from '#commons/aws-ports.ts';
import { RULES } from '#domain/rules/values.ts';

const saved = { ...process.env };
beforeEach(() => {
  process.env.CASES_TABLE = 'cases';
  process.env.JOURNAL_TABLE = 'journal';
});
afterEach(() => {
  process.env = { ...saved };
});

describe('awsPorts', () => {
  it('builds the declared ports, the clock, rules and calendar without a factory', async () => {
    const deps = awsPorts(['clock', 'rules', 'calendar', 'staff'], { staff: awsStaff });
    expect(Object.keys(deps).sort()).toEqual(['calendar', 'clock', 'rules', 'staff']);
    expect(deps.rules).toBe(RULES);
    expect(await deps.staff.member('li-qiang')).toBeDefined();
  });

  it('gives cases and queries one repository, and the stores one DynamoDB client', () => {
    const deps = awsPorts(['cases', 'queries', 'requests'], {
      cases: awsCases,
      queries: awsQueries,
      requests: awsRequests,
    });
    expect(deps.cases).toBe(deps.queries);
    const client = (store: object) => (store as unknown as { db: unknown }).db;
    expect(client(deps.cases)).toBeDefined();
    expect(client(deps.cases)).toBe(client(deps.requests));
  });

  it('builds nothing the function does not declare', () => {
    const staff = vi.fn(awsStaff);
    const deps = awsPorts(['clock'], { ...({ staff } as object) } as never);
    expect(staff).not.toHaveBeenCalled();
    expect(Object.keys(deps)).toEqual(['clock']);
  });

  it('stops at start-up when a declared port has no factory or a variable is missing', () => {
    expect(() => awsPorts(['evidence'], {} as never)).toThrow('no AWS adapter for evidence');
    delete process.env.CASES_TABLE;
    expect(() => awsPorts(['cases'], { cases: awsCases })).toThrow('missing environment variable CASES_TABLE');
  });
});
