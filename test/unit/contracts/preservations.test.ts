/** The preservation store's contract, on both adapters: conditional writes, the held index by earliest expiry. */
import { describe, expect, it } from 'vitest';
import { localDate } from '#domain/calendar/local-date.ts';
import { fen } from '#domain/money.ts';
import type { Preservation } from '#domain/preservation/carry.ts';
import { PreservationConflictError } from '#ports/preservations.ts';
import { BACKENDS } from './stores.ts';

function preservation(id: string, expiresOn: string, change: Partial<Preservation> = {}): Preservation {
  return {
    preservationId: id,
    court: { code: 'HB0922', name: '青县人民法院' },
    rulingNumber: `（2025）冀0922财保${id}号`,
    kind: 'pre-litigation',
    ruledOn: localDate('2025-04-01'),
    revision: 1,
    applicantIds: ['pa'],
    respondentIds: ['pr'],
    seizures: [
      {
        seizureId: 'S1',
        respondentId: 'pr',
        class: 'deposit',
        channel: 'icbc',
        institution: '中国工商银行',
        reference: '6222 **** 0001',
        amountFen: fen(100),
        seizedOn: localDate('2025-04-01'),
        expiresOn: localDate(expiresOn),
        status: 'held',
      },
    ],
    receivedAt: '2026-03-02T01:00:00.000Z',
    eventId: `e-${id}`,
    status: 'held',
    version: 1,
    ...change,
  };
}

describe.each(BACKENDS)('preservation store on $name', (backend) => {
  it('creates once, saves only over the version read, and lists the held ones by earliest expiry', async () => {
    const { preservations } = await backend.open();
    expect(await preservations.create(preservation('2', '2026-09-30'))).toBe(true);
    expect(await preservations.create(preservation('2', '2026-09-30'))).toBe(false);
    expect(await preservations.create(preservation('1', '2026-03-31'))).toBe(true);
    expect((await preservations.listHeld('HB0922')).map((p) => p.preservationId)).toEqual(['1', '2']);
    // Within a horizon: only those expiring by then.
    expect((await preservations.listHeld('HB0922', '2026-04-01')).map((p) => p.preservationId)).toEqual(['1']);
    expect(await preservations.listHeld('HB0100')).toEqual([]);

    const stored = await preservations.get('1');
    if (!stored) throw new Error('not stored');
    await preservations.save({ ...stored, status: 'carried', version: stored.version + 1 });
    await expect(
      preservations.save({ ...stored, alertedFor: localDate('2026-03-31'), version: stored.version + 1 }),
    ).rejects.toBeInstanceOf(PreservationConflictError);
    // Carried: no longer held; still listed for the court.
    expect((await preservations.listHeld('HB0922')).map((p) => p.preservationId)).toEqual(['2']);
    expect((await preservations.listByCourt('HB0922', 10)).map((p) => p.status).sort()).toEqual(['carried', 'held']);
  });
});
