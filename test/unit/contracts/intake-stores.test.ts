/** The intake stores' contract, on both adapters: rejections (newest first, to the dead letters too) and idempotency. */
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from './stores.ts';

/** An idempotency configuration as a Lambda function with this much time left registers it. */
function config(remainingMs: number): IdempotencyConfig {
  const configured = new IdempotencyConfig({ eventKeyJmesPath: 'id', expiresAfterSeconds: 3600 });
  configured.registerLambdaContext({ getRemainingTimeInMillis: () => remainingMs } as Context);
  return configured;
}

describe.each(BACKENDS)('the intake stores on $name', (backend) => {
  it('records rejections with their reasons, lists the newest first, and sends each to the dead letters', async () => {
    const stores = await backend.open();
    const letters: string[] = [];
    const rejections = stores.rejections({ send: async (kind, reason) => void letters.push(`${kind}: ${reason}`) });
    for (const n of [1, 2, 3])
      await rejections.record(
        {
          eventId: `e${n}`,
          at: `2026-03-0${n}T00:00:00.000Z`,
          source: 'court.filing',
          detailType: 'CaseFiled',
          reasons: [`detail.field${n}: wrong`],
        },
        { id: `e${n}` },
      );
    expect((await rejections.list(2)).map((r) => r.eventId)).toEqual(['e3', 'e2']);
    expect(await rejections.list(1)).toEqual([
      {
        eventId: 'e3',
        at: '2026-03-03T00:00:00.000Z',
        source: 'court.filing',
        detailType: 'CaseFiled',
        reasons: ['detail.field3: wrong'],
      },
    ]);
    expect(letters).toEqual([
      'intake-rejected: detail.field1: wrong',
      'intake-rejected: detail.field2: wrong',
      'intake-rejected: detail.field3: wrong',
    ]);
  });

  it('idempotency: a repeat returns the stored result without running again; a concurrent one is refused while in progress', async () => {
    const { idempotency } = await backend.open();
    let runs = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handler = makeIdempotent(
      async (event: { id: string; wait?: boolean }) => {
        runs++;
        if (event.wait) await gate;
        return { handled: event.id, run: runs };
      },
      { persistenceStore: idempotency, config: config(30_000) },
    );
    const first = await handler({ id: 'event-1' });
    expect(await handler({ id: 'event-1' })).toEqual(first);
    expect(runs).toBe(1);
    const slow = handler({ id: 'event-2', wait: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(handler({ id: 'event-2', wait: true })).rejects.toMatchObject({
      name: 'IdempotencyAlreadyInProgressError',
    });
    release();
    expect(await slow).toEqual({ handled: 'event-2', run: 2 });
    expect(await handler({ id: 'event-2' })).toEqual({ handled: 'event-2', run: 2 });
    expect(runs).toBe(2);
  });

  it('idempotency: a record left in progress by a process that died is taken over once its time ran out', async () => {
    const { idempotency } = await backend.open();
    let runs = 0;
    const dying = makeIdempotent(async (_event: { id: string }) => new Promise<never>(() => void runs++), {
      persistenceStore: idempotency,
      config: config(1),
    });
    void dying({ id: 'event-3' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const retry = makeIdempotent(async (_event: { id: string }) => ({ run: ++runs }), {
      persistenceStore: idempotency,
      config: config(30_000),
    });
    expect(await retry({ id: 'event-3' })).toEqual({ run: 2 });
  });
});
