/**
 * Shared setup for the 追加、变更被执行人 workflow scenarios: the application the filing system sends, a case filed
 * and run to the coercive measures, and a shareholder joined by a granted, final ruling.
 */
import { expect } from 'vitest';
import type { ApiScenario } from './api.ts';
import { filingEvent, type Scenario } from './runtime.ts';

export const SHAREHOLDER_ID = '130922198001010012';

/** The PartyChangeApplied event for case `n`: add 郑股东 on the unpaid-capital ground, limited to 30,000 yuan. */
export function partyChangeApplication(n: number, change: Record<string, unknown> = {}) {
  return {
    version: '0',
    id: `party-change-${n}`,
    source: 'court.filing',
    'detail-type': 'PartyChangeApplied',
    detail: {
      schemaVersion: 1,
      court: { code: 'HB0922', name: '青县人民法院' },
      caseNumber: filingEvent(n).detail.caseNumber,
      applicationNumber: `（2026）冀0922执异${n}号`,
      ground: 'unpaid-capital',
      change: 'add',
      receivedOn: '2026-03-02',
      liabilityCapFen: 3_000_000,
      party: { kind: 'person', name: '郑股东', idNumber: SHAREHOLDER_ID, eServiceConsent: true },
      ...change,
    },
  };
}

/** Files case `n` for `claimFen` and runs it live until it reaches the coercive measures. */
export async function fileUntilCoercing(s: Scenario, n: number, claimFen: number) {
  const filed = await s.runtime.intake(filingEvent(n, { claimFen }));
  if (filed.outcome !== 'created') throw new Error('not created');
  const caseId = filed.caseId;
  const coercing = await s.liveUntil(caseId, (c) => c.status === 'coercing', 30);
  return { caseId, coercing };
}

/**
 * Files the application for case `n`, has the panel judge grant it (served 2026-03-02), lets the coercive measures go
 * on meanwhile, then declares the ruling final (after `beforeFinal`, if given): a second service run starts for the
 * shareholder, who is now a respondent on the case.
 */
export async function joinShareholder(
  s: ApiScenario,
  caseId: string,
  n: number,
  options: { reason: string; change?: Record<string, unknown>; beforeFinal?: () => Promise<unknown> },
) {
  const applied = await s.runtime.partyChange(partyChangeApplication(n, options.change));
  if (applied.outcome !== 'recorded') throw new Error(JSON.stringify(applied));
  const base = `/cases/${caseId}/party-changes/${applied.applicationId}`;
  const ruled = await s.request('POST', `${base}/ruling`, {
    as: 'tang-jie',
    body: { outcome: 'granted', reason: options.reason, servedOn: '2026-03-02' },
  });
  expect(ruled.status).toBe(200);
  // The coercive measures go on meanwhile (the restriction approved as it comes).
  await s.live(caseId, 16);
  await options.beforeFinal?.();
  const final = await s.request<{ started?: string }>('POST', `${base}/final`, { as: 'wang-fang', body: {} });
  expect(final.status).toBe(200);
  expect(final.body.started).toBe(`${caseId}-service-2`);
  const shareholder = (await s.load(caseId)).respondents.find((r) => r.name === '郑股东');
  if (!shareholder) throw new Error('shareholder not on the case');
  return { base, shareholder };
}
