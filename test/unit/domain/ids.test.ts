import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseIdFor, EXECUTION_NAME_PATTERN, executionName, parseExecutionName } from '#domain/ids.ts';

const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~$&,;:/`]/;

describe('execution names', () => {
  it('are valid Step Functions names for any court and case number (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.constantFrom('service', 'investigation', 'disbursement'),
        fc.integer({ min: 1, max: 9999 }),
        (court, number, phase, run) => {
          const name = executionName(caseIdFor(court, number), phase, run);
          expect(name.length).toBeLessThanOrEqual(80);
          expect(name).toMatch(EXECUTION_NAME_PATTERN);
          expect(name).not.toMatch(FORBIDDEN);
          expect(parseExecutionName(name)).toEqual({ caseId: caseIdFor(court, number), phase, run });
        },
      ),
    );
  });

  it('are deterministic, and one case number typed two ways is one case', () => {
    expect(caseIdFor('HB0922', '（2026）冀0922执301号')).toBe(caseIdFor('hb0922 ', '(2026)冀0922执 301号'));
    expect(caseIdFor('HB0922', '（2026）冀0922执301号')).not.toBe(caseIdFor('HB0922', '（2026）冀0922执302号'));
    expect(executionName('cabcdefghijklmnopqrs', 'service', 1)).toBe('cabcdefghijklmnopqrs-service-1');
  });
});
