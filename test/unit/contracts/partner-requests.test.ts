/** The partner-request store's contract, on both adapters: one answer completes and hands out the token, once. */
import { describe, expect, it } from 'vitest';
import type { NewPartnerRequest, PartnerAnswer } from '#ports/partner-requests.ts';
import { PartnerRequestNotFoundError } from '#ports/partner-requests.ts';
import { BACKENDS } from './stores.ts';

const TOKEN = 'secret-task-token';

function request(id: string, items = ['i1', 'i2']): NewPartnerRequest {
  return {
    requestId: id,
    caseId: 'case-1',
    court: 'HB0922',
    kind: 'inquiry',
    items: items.map((itemId) => ({ itemId, respondentId: 'p1' })),
    createdAt: '2026-03-02T00:00:00.000Z',
    dueAt: '2026-03-09T00:00:00.000Z',
    execution: 'case-1-investigation-1',
  };
}

const answer = (itemId: string): PartnerAnswer => ({
  itemId,
  at: '2026-03-03T00:00:00.000Z',
  outcome: 'ok',
  result: { found: [] },
});

describe.each(BACKENDS)('the partner-request store on $name', (backend) => {
  it('creates once: a repeat returns the stored request', async () => {
    const { requests } = await backend.open();
    const created = await requests.create(request('q1'));
    expect(created).toMatchObject({ status: 'pending', answers: [] });
    await requests.attachToken('q1', TOKEN);
    expect(await requests.create({ ...request('q1'), dueAt: '2027-01-01T00:00:00.000Z' })).toEqual(created);
    expect(JSON.stringify(await requests.get('q1'))).not.toContain(TOKEN);
    expect(await requests.get('missing')).toBeUndefined();
  });

  it('the answer that completes the request hands out the token; a repeat of it again until cleared; later ones are late', async () => {
    const { requests } = await backend.open();
    await requests.create(request('q2'));
    expect(await requests.attachToken('q2', TOKEN)).toMatchObject({ requestId: 'q2', status: 'pending' });
    await requests.markDispatched('q2', '2026-03-02T01:00:00.000Z');
    await requests.markDispatched('q2', '2026-03-02T05:00:00.000Z');
    expect((await requests.get('q2'))?.dispatchedAt).toBe('2026-03-02T01:00:00.000Z');
    expect(await requests.addAnswer('q2', answer('i1'))).not.toHaveProperty('token');
    const completed = await requests.addAnswer('q2', answer('i2'));
    expect(completed).toMatchObject({ token: TOKEN, request: { status: 'complete' } });
    expect((await requests.addAnswer('q2', answer('i2'))).token).toBe(TOKEN);
    await requests.clearToken('q2');
    expect(await requests.addAnswer('q2', answer('i2'))).not.toHaveProperty('token');
    const late = await requests.addAnswer('q2', answer('i3'));
    expect(late.request.answers.at(-1)).toMatchObject({ itemId: 'i3', late: true });
    await expect(requests.addAnswer('missing', answer('i1'))).rejects.toBeInstanceOf(PartnerRequestNotFoundError);
  });

  it('concurrent answers to every item: all are kept and exactly one completes', async () => {
    const { requests } = await backend.open();
    const items = ['a', 'b', 'c', 'd'];
    await requests.create(request('q3', items));
    await requests.attachToken('q3', TOKEN);
    const results = await Promise.all(items.map((i) => requests.addAnswer('q3', answer(i))));
    expect(results.filter((r) => r.token === TOKEN)).toHaveLength(1);
    const stored = await requests.get('q3');
    expect(stored?.answers.map((a) => a.itemId).sort()).toEqual(items);
    expect(stored?.status).toBe('complete');
  });

  it('times out or is superseded only while pending; neither hands a token to an attach afterwards', async () => {
    const { requests } = await backend.open();
    await requests.create(request('q4'));
    expect(await requests.markTimedOut('q4')).toBe(true);
    expect(await requests.markTimedOut('q4')).toBe(false);
    expect(await requests.attachToken('q4', TOKEN)).toBeUndefined();
    expect(await requests.supersede('q4')).toBeUndefined();

    await requests.create(request('q5'));
    await requests.attachToken('q5', TOKEN);
    expect(await requests.supersede('q5')).toEqual({ token: TOKEN });
    expect((await requests.get('q5'))?.status).toBe('superseded');
    await requests.create(request('q6'));
    expect(await requests.supersede('q6')).toEqual({});
  });
});
