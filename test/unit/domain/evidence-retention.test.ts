import { describe, expect, it } from 'vitest';
import { needsRestore, parseRestoreHeader, retentionDaysOf, tierAt } from '#domain/evidence/retention.ts';
import { RULES } from '#domain/rules/table.ts';

describe('evidence retention and storage tiers', () => {
  it('keeps a short-class file 30 years and a long-class one 60, and gives no end to a permanent one', () => {
    expect(retentionDaysOf(RULES, 'short')).toBe(10958);
    expect(retentionDaysOf(RULES, 'long')).toBe(21915);
    expect(retentionDaysOf(RULES, 'permanent')).toBeUndefined();
  });

  it('leaves an open case in Standard however old its evidence is', () => {
    const object = { uploadedAt: '2026-01-01T00:00:00.000Z' };
    expect(tierAt(RULES, object, '2029-01-01T00:00:00.000Z')).toBe('STANDARD');
  });

  it('moves a closed case to Instant Retrieval, then to Deep Archive once its evidence is old enough', () => {
    const object = { uploadedAt: '2026-01-01T00:00:00.000Z', closedAt: '2026-06-01T00:00:00.000Z' };
    expect(tierAt(RULES, object, '2026-05-31T00:00:00.000Z')).toBe('STANDARD');
    expect(tierAt(RULES, object, '2026-06-02T00:00:00.000Z')).toBe('GLACIER_IR');
    const archivedAt = new Date(Date.parse(object.uploadedAt) + RULES.P_EVIDENCE_STORAGE.archiveAfterDays * 86_400_000);
    expect(tierAt(RULES, object, archivedAt.toISOString())).toBe('DEEP_ARCHIVE');
    expect(needsRestore('DEEP_ARCHIVE')).toBe(true);
    expect(needsRestore('GLACIER_IR')).toBe(false);
  });

  it("reads S3's restore header: under way, done until a date, or none", () => {
    expect(parseRestoreHeader(undefined)).toEqual({ state: 'none' });
    expect(parseRestoreHeader('ongoing-request="true"')).toEqual({ state: 'ongoing' });
    expect(parseRestoreHeader('ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"')).toEqual({
      state: 'available',
      until: '2012-12-21T00:00:00.000Z',
    });
  });
});
