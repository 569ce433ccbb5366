/** The field store's contract, on both adapters: trips created once, writes on the version, out and back, incidents, the read audit. */
import { describe, expect, it } from 'vitest';
import { checkIn, checkOut, type FieldTrip, type Incident } from '#domain/field/trip.ts';
import { RULES } from '#domain/rules/table.ts';
import { FieldConflictError } from '#ports/field-store.ts';
import { BACKENDS } from './stores.ts';

function trip(id: string, officer: string, startedAt: string, court = 'HB0922'): FieldTrip {
  return checkOut(
    RULES,
    {
      tripId: id,
      court,
      officer,
      caseId: 'c1',
      caseNumber: '（2026）鄂0922执1号',
      act: 'serve',
      purpose: '直接送达',
      plannedReturnAt: new Date(Date.parse(startedAt) + 3600_000).toISOString(),
      position: { consent: true, latitude: 30.5, longitude: 114.3 },
    },
    startedAt,
  );
}

function incident(id: string, at: string, court = 'HB0922'): Incident {
  return { incidentId: id, court, officer: 'zhao-lei', at, note: '现场有人阻挠' };
}

describe.each(BACKENDS)('the field store on $name', (backend) => {
  it('creates a trip once, at version 1, and reads it back', async () => {
    const { field } = await backend.open();
    const t = trip('t1', 'zhao-lei', '2026-03-02T01:00:00.000Z');
    expect(await field.createTrip(t)).toBe(true);
    expect(await field.createTrip(t)).toBe(false);
    expect(await field.getTrip('t1')).toEqual(t);
    expect(await field.getTrip('missing')).toBeUndefined();
  });

  it('saves only over the version before it', async () => {
    const { field } = await backend.open();
    const t = trip('t1', 'zhao-lei', '2026-03-02T01:00:00.000Z');
    await field.createTrip(t);
    const back = checkIn(t, undefined, '2026-03-02T02:00:00.000Z');
    await field.saveTrip(back);
    await expect(field.saveTrip(back)).rejects.toBeInstanceOf(FieldConflictError);
    expect((await field.getTrip('t1'))?.status).toBe('back');
  });

  it("lists the court's trips out, and the officer's own; a trip back leaves both", async () => {
    const { field } = await backend.open();
    const a = trip('t1', 'zhao-lei', '2026-03-02T01:00:00.000Z');
    const b = trip('t2', 'wang-fang', '2026-03-02T00:30:00.000Z');
    const other = trip('t3', 'sun-li', '2026-03-02T00:40:00.000Z', 'BJ0105');
    for (const t of [a, b, other]) await field.createTrip(t);
    expect((await field.listOut('HB0922')).map((t) => t.tripId)).toEqual(['t2', 't1']);
    expect((await field.openTripOf('zhao-lei'))?.tripId).toBe('t1');
    await field.saveTrip(checkIn(a, undefined, '2026-03-02T02:00:00.000Z'));
    expect((await field.listOut('HB0922')).map((t) => t.tripId)).toEqual(['t2']);
    expect(await field.openTripOf('zhao-lei')).toBeUndefined();
    expect((await field.listSince('HB0922', '2026-03-02T00:45:00.000Z')).map((t) => t.tripId)).toEqual(['t1']);
  });

  it("keeps incidents once each, the court's latest first", async () => {
    const { field } = await backend.open();
    expect(await field.addIncident(incident('i1', '2026-03-02T01:00:00.000Z'))).toBe(true);
    expect(await field.addIncident(incident('i1', '2026-03-02T01:00:00.000Z'))).toBe(false);
    await field.addIncident(incident('i2', '2026-03-02T02:00:00.000Z'));
    await field.addIncident(incident('i3', '2026-03-02T03:00:00.000Z', 'BJ0105'));
    expect((await field.incidentsSince('HB0922', '2026-03-01T00:00:00.000Z')).map((i) => i.incidentId)).toEqual([
      'i2',
      'i1',
    ]);
    expect(await field.incidentsSince('HB0922', '2026-03-02T01:30:00.000Z')).toHaveLength(1);
  });

  it('keeps every read of positions, the latest first', async () => {
    const { field } = await backend.open();
    await field.logLocationRead({ court: 'HB0922', at: '2026-03-02T01:00:00.000Z', by: 'zhou-min', what: 'board' });
    await field.logLocationRead({ court: 'HB0922', at: '2026-03-02T02:00:00.000Z', by: 'zhou-min', what: 'board' });
    await field.logLocationRead({ court: 'BJ0105', at: '2026-03-02T02:00:00.000Z', by: 'x', what: 'board' });
    const reads = await field.locationReads('HB0922', 10);
    expect(reads.map((r) => r.at)).toEqual(['2026-03-02T02:00:00.000Z', '2026-03-02T01:00:00.000Z']);
    expect(reads[0]).toEqual({ court: 'HB0922', at: '2026-03-02T02:00:00.000Z', by: 'zhou-min', what: 'board' });
  });
});
