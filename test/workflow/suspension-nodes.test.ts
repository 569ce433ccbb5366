/**
 * 中止执行 pauses the stopped work's own deadlines (SUSPENSION; 民诉法 2023年修正 第二百六十七条): the case is stopped
 * while the investigation's deadline (investigation-finished, due 2 April) is open. For the 40 days the suspension is
 * in force staff see that deadline neither warned about nor overdue, on the case page or the command center's board,
 * even past its due day; lifted, it is due 40 days later than it was, its first due day kept, and the resumed
 * investigation meets it.
 */
import { describe, expect, it } from 'vitest';
import { daysBetween, type LocalDate } from '#domain/calendar/local-date.ts';
import type { TimeNode } from '#domain/case/model.ts';
import { apiScenario } from '../support/api.ts';
import { filingEvent, RESPONDENT_ID } from '../support/runtime.ts';

const N = 951;
const NODE = 'investigation-finished';

describe('中止执行: the stopped work’s deadline waits, then moves on by the days stopped', () => {
  it('not warned about nor overdue while suspended; lifted after 40 days, due 40 days later', async () => {
    const s = await apiScenario({ script: { respondents: { [RESPONDENT_ID]: { eService: 'ok' } } } });
    const filed = await s.runtime.intake(filingEvent(N, { claimFen: 50_000_00 }));
    if (filed.outcome !== 'created') throw new Error('not created');
    const caseId = filed.caseId;
    await s.live(caseId, 1);
    const before = await s.load(caseId);
    expect(before.status).toBe('investigating');
    const first = before.nodes[NODE];
    expect(first?.status).toBe('open');

    const proposed = await s.request('POST', `/cases/${caseId}/suspension`, {
      as: 'wang-fang',
      body: { kind: 'suspension', ground: 'other-court-finds', note: '据以执行的判决正在再审审查' },
    });
    expect(proposed.status).toBe(200);
    const ruled = await s.request('POST', `/cases/${caseId}/suspension/ruling`, {
      as: 'zhang-wei',
      body: { decision: 'approved' },
    });
    expect(ruled.status).toBe(200);
    await s.live(caseId, 40);

    // Past its due day (2 April) while suspended: staff see no warning and no overdue mark.
    const page = await s.request<{ nodes: Record<string, TimeNode>; nodeLights: Record<string, string> }>(
      'GET',
      `/cases/${caseId}`,
      { as: 'wang-fang' },
    );
    expect(page.body.nodes[NODE]).toMatchObject({ status: 'open', dueDate: first?.dueDate });
    expect(page.body.nodeLights[NODE]).not.toBe('overdue');
    expect(page.body.nodeLights[NODE]).not.toBe('due-soon');
    const board = async (state: string) =>
      (
        await s.request<{ items: { caseId: string; node: { node: string } }[] }>(
          'GET',
          `/board/nodes?state=${state}&withinDays=60`,
          { as: 'zhang-wei' },
        )
      ).body.items.filter((i) => i.caseId === caseId && i.node.node === NODE);
    expect(await board('overdue')).toEqual([]);
    expect(await board('due-soon')).toEqual([]);
    const history = await s.runtime.cases.history(caseId);
    const marked = history
      .flatMap((c) => c.events)
      .filter((e) => e.type === 'node-warned' || e.type === 'node-overdue');
    expect(marked.filter((e) => 'node' in e && e.node === NODE)).toEqual([]);

    const lifted = await s.request('POST', `/cases/${caseId}/suspension/lift`, {
      as: 'wang-fang',
      body: { reason: '再审审查终结' },
    });
    expect(lifted.status).toBe(200);
    const after = await s.request<{ nodes: Record<string, TimeNode>; nodeLights: Record<string, string> }>(
      'GET',
      `/cases/${caseId}`,
      { as: 'wang-fang' },
    );
    const moved = after.body.nodes[NODE];
    // The investigation resumed at once (a run continuing the stopped one) and recorded the answered inquiry: the
    // deadline, moved on by 40 days first, is met within it.
    expect(moved).toMatchObject({ status: 'met', originalDueDate: first?.dueDate });
    expect(daysBetween(first?.dueDate as LocalDate, moved?.dueDate as LocalDate)).toBe(40);
    expect((await s.load(caseId)).phaseRuns.investigation).toBe(2);
    expect(after.body.nodeLights[NODE]).not.toBe('overdue');
    await s.close();
  }, 120_000);
});
