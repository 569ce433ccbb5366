/**
 * docs/examples: the first case a deployer files (`aws events put-events --entries file://…`) is a valid filing of
 * the intake contract, on the default intake bus, and the same filing as the readable detail beside it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INTAKE_DETAIL_TYPE, INTAKE_SOURCE, IntakeEvent } from '#contracts/intake-event.ts';
import { chinaDateOf, localDate } from '#domain/calendar/local-date.ts';
import { filingProblems } from '#domain/intake/checks.ts';
import { DEFAULT_NAME_PREFIX } from '../../../infra/config.ts';

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../docs/examples/${name}`, import.meta.url), 'utf8'));

describe('the example first case', () => {
  it('is one put-events entry for the intake bus, carrying the readable detail', () => {
    // Act
    const entries = read('first-case.put-events.json') as Record<string, string>[];

    // Assess
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      EventBusName: `${DEFAULT_NAME_PREFIX}-intake`,
      Source: INTAKE_SOURCE,
      DetailType: INTAKE_DETAIL_TYPE,
    });
    expect(JSON.parse(entries[0]?.Detail ?? '')).toEqual(read('first-case.detail.json'));
  });

  it('passes intake: the contract, and the checks of court, ID numbers, parties and dates', () => {
    // Prepare
    const detail = read('first-case.detail.json');

    // Act
    const event = IntakeEvent.parse({
      version: '0',
      id: 'example',
      source: INTAKE_SOURCE,
      'detail-type': INTAKE_DETAIL_TYPE,
      time: '2026-03-02T02:00:00Z',
      detail,
    });
    const filedOn = chinaDateOf(new Date(Date.parse(event.detail.filedAt)).toISOString());
    const problems = filingProblems(
      {
        courtCode: event.detail.court.code,
        filedOn,
        effectiveDate: localDate(event.detail.basis.effectiveDate),
        applicants: event.detail.applicants,
        respondents: event.detail.respondents,
      },
      { today: filedOn, courts: new Set(['HB0922']) },
    );

    // Assess
    expect(problems).toEqual([]);
  });
});
