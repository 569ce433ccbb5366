/**
 * 诉执衔接 (B3-CARRY, 民诉法解释 第一百六十八条) on the virtual clock: the preservation center's ruling is recorded before
 * the enforcement case exists; when the case of the same parties is filed, its seizures are the case's from the
 * filing, their terms running on, and the renewal watch starts that day and renews the freeze about to run out
 * (the preserved money is then deducted under the control plan);
 * a preservation whose enforcement case never comes is told to the command center before it lapses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import { preservationIdFor } from '#domain/preservation/carry.ts';
import { DAY, filingEvent, RESPONDENT_ID, type Scenario, scenarios } from '../support/runtime.ts';

const open = scenarios();
const FIXTURE = JSON.parse(readFileSync('test/fixtures/preservation/v1/loan-repayment.json', 'utf8'));

function preservationEvent(change: (detail: typeof FIXTURE.detail) => void = () => undefined, id = FIXTURE.id) {
  const event = structuredClone(FIXTURE);
  change(event.detail);
  return { ...event, id };
}

/** Another respondent's preservation (诉中保全) whose enforcement case is never filed. */
function orphanEvent() {
  return preservationEvent((d) => {
    d.rulingNumber = '（2025）冀0922民初2048号';
    d.kind = 'in-litigation';
    d.respondents = [{ kind: 'organisation', idNumber: '91130922MA0000001X' }];
    d.seizures = [
      {
        ...d.seizures[0],
        seizureId: 'A1',
        respondentIdNumber: '91130922MA0000001X',
        reference: '6217 **** 0009',
        seizedOn: '2025-04-21',
        expiresOn: '2026-04-20',
      },
    ];
  }, 'preservation-orphan');
}

async function events(s: Scenario, caseId: string): Promise<CaseEvent[]> {
  return (await s.runtime.cases.history(caseId)).flatMap((c) => c.events);
}

const script = {
  respondents: {
    [RESPONDENT_ID]: {
      eService: 'ok' as const,
      renew: 'ok' as const,
      // The network inquiry finds the preserved account again: it is not found twice.
      assets: [{ channel: 'icbc', class: 'deposit' as const, reference: '6222 **** 0001', balanceFen: 1_000_000 }],
    },
  },
};

describe('诉执衔接: preservations carried into enforcement (B3-CARRY)', () => {
  it('preserved seizures are on the case from its filing, terms running on, and the freeze about to lapse is renewed in time', async () => {
    const s = await open({ script });
    expect(await s.runtime.preservation(preservationEvent())).toMatchObject({ outcome: 'recorded' });
    const preservationId = preservationIdFor('HB0922', FIXTURE.detail.rulingNumber);
    expect(await s.runtime.deps.preservations.get(preservationId)).toMatchObject({ status: 'held', revision: 1 });
    // No name or ID number is kept with the preservation: keyed party ids only.
    expect(JSON.stringify(await s.runtime.deps.preservations.get(preservationId))).not.toContain(RESPONDENT_ID);

    const outcome = await s.runtime.intake(filingEvent(700));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;

    // From the filing: the two live seizures are the case's, each with its own start and expiry (not restarted);
    // the vehicle seal that ran out before filing is not carried.
    const filed = await s.load(caseId);
    const assets = Object.values(filed.assets);
    expect(assets.map((a) => [a.class, a.status, a.seizedOn, a.freezeExpiresOn]).sort()).toEqual([
      ['deposit', 'frozen', '2025-04-01', '2026-03-31'],
      ['real-estate', 'sealed', '2025-04-02', '2028-04-01'],
    ]);
    const carried = (await events(s, caseId)).find((e) => e.type === 'preservation-carried');
    expect(carried).toMatchObject({ excluded: [{ seizureId: 'S3', reason: 'expired' }] });
    expect(await s.runtime.deps.preservations.get(preservationId)).toMatchObject({
      status: 'carried',
      carriedInto: { caseId },
    });
    // The renewal watch started with the case, before the network inquiry answered.
    const history = await events(s, caseId);
    const watchAt = history.findIndex((e) => e.type === 'watch-started' && e.watch === 'renewal');
    const inquiryAt = history.findIndex((e) => e.type === 'inquiry-answered');
    expect(watchAt).toBeGreaterThan(-1);
    expect(inquiryAt === -1 || watchAt < inquiryAt).toBe(true);
    const deposit = assets.find((a) => a.class === 'deposit');
    expect(filed.nodes[`renewal:${deposit?.assetId}`]).toMatchObject({ ruleId: 'B2', dueDate: '2026-03-21' });

    await s.live(caseId, 20);

    // Renewed before 2026-03-31, running on from the old expiry for another B1 year.
    const later = await s.load(caseId);
    const renewed = (await events(s, caseId)).filter((e) => e.type === 'seizure-renewed');
    expect(renewed).toEqual([
      expect.objectContaining({ assetId: deposit?.assetId, from: '2026-03-31', expiresOn: '2027-03-31' }),
    ]);
    // Then the preserved money is deducted with the control plan (approved by the team lead), after the renewal.
    expect(later.assets[deposit?.assetId ?? '']).toMatchObject({ status: 'deducted', deductedFen: 1_000_000 });
    const all = await events(s, caseId);
    const renewedAt = all.findIndex((e) => e.type === 'seizure-renewed');
    const deductedAt = all.findIndex(
      (e) => e.type === 'money-received' && e.source === 'deduction' && e.assetId === deposit?.assetId,
    );
    expect(renewedAt).toBeGreaterThan(-1);
    expect(deductedAt).toBeGreaterThan(renewedAt);
    expect(all).toContainEqual(expect.objectContaining({ type: 'control-planned', note: '保全转入的冻结款项待扣划' }));
    // The inquiry found the preserved account again; it is not a second asset.
    expect(Object.values(later.assets).filter((a) => a.reference === '6222 **** 0001')).toHaveLength(1);
    expect(s.path(caseId, 'renewal').slice(0, 4)).toEqual([
      'OpenRenewal',
      'RouteRenewal',
      'AwaitRenewal',
      'AdvanceRenewal',
    ]);
    // Told once, while no case existed (the freeze ran out within 30 days); carried, it is the case's watch's.
    expect(s.alerts.filter((a) => a.kind === 'preservation-expiring').map((a) => a.message)).toEqual([
      expect.stringContaining('将于2026-03-31到期，尚未立案执行'),
    ]);
  });

  it('a preservation without an enforcement case is told to the command center before it lapses, once', async () => {
    const s = await open({ script });
    await s.runtime.preservation(orphanEvent());
    const preservationId = preservationIdFor('HB0922', '（2025）冀0922民初2048号');

    // 2026-03-02 .. 2026-03-20: not yet within P-PRESERVATION-ALERT's 30 days of 2026-04-20.
    await s.runtime.advance(18 * DAY);
    expect(s.alerts.filter((a) => a.kind === 'preservation-expiring')).toEqual([]);

    await s.runtime.advance(3 * DAY);
    await s.runtime.advance(10 * DAY);
    const told = s.alerts.filter((a) => a.kind === 'preservation-expiring');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ caseId: preservationId, court: 'HB0922' });
    expect(told[0]?.message).toContain('2026-04-20');
    expect(told[0]?.message).toContain('尚未立案执行');
    expect(await s.runtime.deps.preservations.get(preservationId)).toMatchObject({
      status: 'held',
      alertedFor: '2026-04-20',
    });
  });

  it('a later revision of a waiting ruling replaces its seizures; a repeated one changes nothing', async () => {
    const s = await open({ script });
    await s.runtime.preservation(orphanEvent());
    // The same event delivered again is absorbed by intake's idempotency; the same revision under a new event id
    // changes nothing either.
    expect(await s.runtime.preservation(orphanEvent())).toMatchObject({ outcome: 'recorded' });
    const sameRevision = orphanEvent();
    sameRevision.id = 'preservation-orphan-resent';
    expect(await s.runtime.preservation(sameRevision)).toMatchObject({ outcome: 'duplicate' });
    const renewedInLawsuit = orphanEvent();
    renewedInLawsuit.id = 'preservation-orphan-2';
    renewedInLawsuit.detail.revision = 2;
    renewedInLawsuit.detail.seizures[0].expiresOn = '2027-04-20';
    expect(await s.runtime.preservation(renewedInLawsuit)).toMatchObject({ outcome: 'updated' });

    // Renewed during the lawsuit: nothing to tell on 2026-03-22 any more.
    await s.runtime.advance(21 * DAY);
    expect(s.alerts.filter((a) => a.kind === 'preservation-expiring')).toEqual([]);
  });

  it('a ruling that names a respondent of no seizure, or a court this platform does not serve, is refused with its reasons', async () => {
    const s = await open({ script });
    const bad = preservationEvent((d) => {
      d.seizures[0].respondentIdNumber = '130922198801010011';
      d.court.code = 'XX9999';
    }, 'preservation-bad');
    const outcome = await s.runtime.preservation(bad);
    expect(outcome).toMatchObject({ outcome: 'rejected' });
    expect(JSON.stringify(outcome)).toContain('respondentIdNumber must be one of the respondents');
  });
});
