/** The received-matter store's contract, on both adapters: create once, writes conditional on the version, by court and date. */
import { describe, expect, it } from 'vitest';
import type { ReceivedMatter } from '#domain/entrustment/received.ts';
import { ReceivedMatterConflictError } from '#ports/received-matters.ts';
import { BACKENDS } from './stores.ts';

function matter(id: string, receivedOn: string, court = 'HB0922'): ReceivedMatter {
  return {
    matterId: id,
    court,
    fromCourt: { code: 'BJ0105', name: '北京市朝阳区人民法院' },
    fromCaseNumber: '（2026）京0105执1号',
    kind: 'freeze',
    reference: 'acct-1',
    receivedOn: receivedOn as never,
    node: {
      node: 'entrusted-matter' as never,
      ruleId: 'H1',
      startedOn: receivedOn as never,
      dueDate: receivedOn as never,
      dueAt: `${receivedOn}T16:00:00.000Z`,
      unconfirmedYears: [],
      status: 'open',
    },
    status: 'open',
    history: [{ at: `${receivedOn}T01:00:00.000Z`, by: 'clerk', action: 'received' }],
    version: 0,
  };
}

describe.each(BACKENDS)('the received-matter store on $name', (backend) => {
  it('creates a matter once, at version 1', async () => {
    const { received } = await backend.open();
    expect(await received.create(matter('m1', '2026-03-02'))).toBe(true);
    expect(await received.create(matter('m1', '2026-03-02'))).toBe(false);
    expect(await received.get('m1')).toEqual({ ...matter('m1', '2026-03-02'), version: 1 });
    expect(await received.get('missing')).toBeUndefined();
  });

  it('saves only over the version before it: of two writers of one version, the second fails', async () => {
    const { received } = await backend.open();
    await received.create(matter('m2', '2026-03-02'));
    const stored = (await received.get('m2')) as ReceivedMatter;
    await received.save({ ...stored, assignee: 'u1', version: 2 });
    await expect(received.save({ ...stored, assignee: 'u2', version: 2 })).rejects.toBeInstanceOf(
      ReceivedMatterConflictError,
    );
    expect(await received.get('m2')).toMatchObject({ assignee: 'u1', version: 2 });
  });

  it('lists a court’s matters by the date received, within inclusive dates', async () => {
    const { received } = await backend.open();
    await received.create(matter('m3', '2026-03-05'));
    await received.create(matter('m4', '2026-03-02'));
    await received.create(matter('m5', '2026-03-09'));
    await received.create(matter('m6', '2026-03-05', 'HB0100'));
    expect((await received.listByCourt('HB0922')).map((m) => m.matterId)).toEqual(['m4', 'm3', 'm5']);
    expect(
      (await received.listByCourt('HB0922', { from: '2026-03-05', to: '2026-03-09' })).map((m) => m.matterId),
    ).toEqual(['m3', 'm5']);
    expect((await received.listByCourt('HB0922', { to: '2026-03-05' })).map((m) => m.matterId)).toEqual(['m4', 'm3']);
  });

  it('lists a court’s open matters only, by the date received', async () => {
    const { received } = await backend.open();
    await received.create(matter('m7', '2026-03-05'));
    await received.create(matter('m8', '2026-03-02'));
    await received.create(matter('m9', '2026-03-03', 'HB0100'));
    const stored = (await received.get('m8')) as ReceivedMatter;
    await received.save({ ...stored, status: 'completed', version: 2 });
    expect((await received.listOpen('HB0922')).map((m) => m.matterId)).toEqual(['m7']);
    expect((await received.listOpen('HB0100')).map((m) => m.matterId)).toEqual(['m9']);
  });

  it('keeps a start node marked overdue (the sweep’s once-only mark) and still lists the matter as open', async () => {
    const { received } = await backend.open();
    const fresh = matter('m10', '2026-03-02');
    await received.create({ ...fresh, startNode: { ...fresh.node, status: 'open' } });
    const stored = (await received.get('m10')) as ReceivedMatter;
    expect(stored.startNode?.status).toBe('open');
    const marked: ReceivedMatter = {
      ...stored,
      startNode: { ...fresh.node, status: 'overdue' },
      history: [...stored.history, { at: '2026-03-18T01:00:00.000Z', by: 'system', action: 'start-overdue-alerted' }],
      version: 2,
    };
    await received.save(marked);
    expect(await received.get('m10')).toEqual(marked);
    expect((await received.listOpen('HB0922')).map((m) => m.matterId)).toEqual(['m10']);
  });
});
