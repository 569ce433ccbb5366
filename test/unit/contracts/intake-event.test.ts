import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { describeIssues, IntakeEvent } from '#contracts/intake-event.ts';
import { intakeSchemas } from '#contracts/json-schemas.ts';
import { partyIdFor } from '#domain/ids.ts';
import { toFiledEvent } from '#use-cases/intake-case.ts';

const FIXTURES = 'test/fixtures/intake';
const fixtures = readdirSync(FIXTURES).flatMap((version) =>
  readdirSync(`${FIXTURES}/${version}`).map((file) => ({
    version,
    file,
    event: JSON.parse(readFileSync(`${FIXTURES}/${version}/${file}`, 'utf8')),
  })),
);

function problems(event: unknown): string[] {
  const result = IntakeEvent.safeParse(event);
  return result.success ? [] : describeIssues(result.error);
}

describe('intake event fixtures, every released version', () => {
  it('has fixtures for each version', () => {
    expect(new Set(fixtures.map((f) => f.version))).toEqual(new Set(['v1', 'v2', 'v3']));
  });

  it.each(fixtures)('$version/$file is accepted and maps to one internal shape', ({ event }) => {
    expect(problems(event)).toEqual([]);
    const filed = toFiledEvent(IntakeEvent.parse(event), (idNumber) => partyIdFor(idNumber, Buffer.alloc(32, 7)));
    expect(filed.claim.totalFen).toBe(filed.claim.items.reduce((t, i) => t + i.amountFen, 0));
    expect(filed.claim.items.every((i) => filed.applicants.some((a) => a.partyId === i.creditorId))).toBe(true);
  });

  it.each(fixtures)('$version/$file also passes the exported JSON Schema', ({ version, event }) => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(intakeSchemas()[`intake-event-detail.${version}.schema.json`] ?? {});
    expect(validate(event.detail), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('v3: a reversal (执行回转) names the case it reverses', () => {
  const v3 = fixtures.find((f) => f.version === 'v3')?.event;
  it('pass: the old case travels onto the filed case', () => {
    const filed = toFiledEvent(IntakeEvent.parse(v3), (idNumber) => partyIdFor(idNumber, Buffer.alloc(32, 7)));
    expect(filed.reversalOf).toEqual({ caseNumber: '（2026）冀0922执301号', setAsideBy: '（2026）冀09民再5号' });
  });

  it('fail: a reversal naming itself, or a v2 event carrying reversalOf, is refused naming the field', () => {
    const self = {
      ...v3,
      detail: { ...v3.detail, reversalOf: { ...v3.detail.reversalOf, caseNumber: v3.detail.caseNumber } },
    };
    expect(problems(self).join('\n')).toContain('detail.reversalOf.caseNumber:');
    expect(problems({ ...v3, detail: { ...v3.detail, schemaVersion: 2 } }).join('\n')).toContain('detail:');
  });
});

describe('a malformed event is refused, naming the field', () => {
  const valid = fixtures.find((f) => f.version === 'v1')?.event;
  const withDetail = (change: Record<string, unknown>) => ({ ...valid, detail: { ...valid.detail, ...change } });

  it.each([
    [{ caseNumber: '' }, 'detail.caseNumber'],
    [{ claim: { principalFen: 10.5 } }, 'detail.claim.principalFen'],
    [{ claim: { principalFen: 0 } }, 'detail.claim'],
    [{ kind: 'resumed' }, 'detail.previousCaseNumber'],
    [{ filedAt: 'yesterday' }, 'detail.filedAt'],
    [{ schemaVersion: 9 }, 'detail.schemaVersion'],
    [{ unexpected: true }, 'detail'],
  ])('%j -> %s', (change, field) => {
    const found = problems(withDetail(change));
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(`${field}:`);
  });

  it('names the respondent field, and never echoes the value', () => {
    const found = problems(withDetail({ respondents: [{ ...valid.detail.respondents[0], idNumber: 'SECRET-12345' }] }));
    expect(found).toEqual([
      'detail.respondents.0.idNumber: must be an 18-character resident ID number or unified social credit code',
    ]);
    expect(found.join()).not.toContain('SECRET');
  });

  it('refuses the wrong source or detail-type', () => {
    expect(problems({ ...valid, source: 'someone.else' })[0]).toMatch(/^source:/);
    expect(problems({ ...valid, 'detail-type': 'Other' })[0]).toMatch(/^detail-type:/);
  });
});

describe('exported JSON Schemas', () => {
  it('are current (npm run schemas)', () => {
    for (const [file, schema] of Object.entries(intakeSchemas())) {
      expect(JSON.parse(readFileSync(`schemas/${file}`, 'utf8')), file).toEqual(schema);
    }
  });
});
