/** The partner-request store on the embedded DynamoDB: the same adapter as on AWS. */
import { describe, expect, it } from 'vitest';
import { scenarios } from '../support/runtime.ts';

const open = scenarios();

const request = (requestId: string) => ({
  requestId,
  caseId: 'cabcdefghijklmnopqrs',
  court: 'HB0922',
  kind: 'police-referral' as const,
  items: [{ itemId: 'police' }],
  createdAt: '2026-03-02T01:00:00.000Z',
  dueAt: '2026-03-17T15:59:59.999Z',
  execution: 'cabcdefghijklmnopqrs-coercion-1',
});

describe('superseding a request', () => {
  it('hands out the waiting token once; answers after it are kept as late', async () => {
    const { runtime } = await open();
    const store = runtime.deps.requests;
    await store.create(request('r-supersede'));
    await store.attachToken('r-supersede', 'token-1');

    expect(await store.supersede('r-supersede')).toEqual({ token: 'token-1' });
    expect(await store.supersede('r-supersede')).toBeUndefined();
    const { request: after, token } = await store.addAnswer('r-supersede', {
      itemId: 'police',
      at: '2026-03-05T01:00:00.000Z',
      outcome: 'ok',
      result: { outcome: 'opened' },
    });
    expect(token).toBeUndefined();
    expect(after.status).toBe('superseded');
    expect(after.answers).toEqual([expect.objectContaining({ itemId: 'police', late: true })]);
  });

  it('a request already answered is not superseded', async () => {
    const { runtime } = await open();
    const store = runtime.deps.requests;
    await store.create(request('r-answered'));
    await store.addAnswer('r-answered', {
      itemId: 'police',
      at: '2026-03-05T01:00:00.000Z',
      outcome: 'ok',
      result: {},
    });
    expect(await store.supersede('r-answered')).toBeUndefined();
    expect((await store.get('r-answered'))?.status).toBe('complete');
  });

  it('a request nobody waits on yet is superseded without a token', async () => {
    const { runtime } = await open();
    await runtime.deps.requests.create(request('r-early'));
    expect(await runtime.deps.requests.supersede('r-early')).toEqual({});
  });
});
