/**
 * Field work over the staff API (issue 17): the handling officer checks out on a case, captures on-site evidence
 * (signed upload), records where, makes an on-site record (现场笔录) on the timeline and checks in; the command
 * center sees the officer out and then back, positions only to its role and every such read kept; an overdue
 * return and the panic button reach the command center, each once.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '#domain/rules/table.ts';
import { sendPresigned } from '../../local/cli/uploader.ts';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { filingEvent, respondentWith } from '../support/runtime.ts';

const COMMAND = 'zhao-min';
const HERE = { consent: true, latitude: 30.5928, longitude: 114.3055, accuracyMeters: 8 };

interface BoardTrip {
  tripId: string;
  officer: string;
  caseNumber: string;
  overdue: boolean;
}
interface Board {
  out: BoardTrip[];
  back: BoardTrip[];
  incidents: { incidentId: string; officer: string }[];
}

let s: ApiScenario;
let caseId = '';
let officer = '';

beforeAll(async () => {
  s = await apiScenario({ script: respondentWith({ eService: 'ok', assets: [] }) });
  const outcome = await s.runtime.intake(filingEvent(1701));
  if (outcome.outcome !== 'created') throw new Error('not filed');
  caseId = outcome.caseId;
  await s.runtime.advance(24 * 3600);
  const seen = await s.request<{ officer?: string }>('GET', `/cases/${caseId}`, { as: 'cao-yue' });
  officer = seen.body.officer ?? '';
  if (!officer) throw new Error('no officer assigned');
});

afterAll(async () => {
  await s?.close();
});

async function capture(tripId: string, bytes: Buffer): Promise<string> {
  const issued = await s.request<{ evidenceId: string; upload: Parameters<typeof sendPresigned>[0] }>(
    'POST',
    `/cases/${caseId}/evidence/uploads`,
    {
      as: officer,
      body: {
        step: 'on-site',
        contentType: 'image/jpeg',
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        device: 'field-app',
        description: '现场照片',
        location: { latitude: HERE.latitude, longitude: HERE.longitude },
      },
    },
  );
  expect(issued.status).toBe(201);
  await sendPresigned(issued.body.upload, bytes);
  const position = await s.request('POST', `/field/trips/${tripId}/positions`, {
    as: officer,
    body: { evidenceId: issued.body.evidenceId, position: HERE },
  });
  expect(position.status).toBe(200);
  return issued.body.evidenceId;
}

describe('a field trip over the API', () => {
  const tripId = randomUUID();

  it("lists the officer's case in today's field work, with the acts pending on site", async () => {
    const work = await s.request<{ cases: { caseId: string; pending: { act: string }[] }[] }>('GET', '/field/work', {
      as: officer,
    });
    expect(work.status).toBe(200);
    expect(work.body.cases.map((c) => c.caseId)).toContain(caseId);
    // An auditor does no field work.
    expect((await s.request('GET', '/field/work', { as: 'cao-yue' })).status).toBe(403);
  });

  it('checks out once (a retried check-out is the same trip), and not twice at a time', async () => {
    const body = {
      tripId,
      caseId,
      act: 'seal',
      purpose: '查封被执行人车辆',
      plannedMinutes: 240,
      position: HERE,
    };
    const refused = await s.request('POST', '/field/trips', {
      as: officer,
      body: { ...body, tripId: randomUUID(), plannedMinutes: (RULES.P_FIELD_LOCATION.maxTripHours + 1) * 60 },
    });
    expect(refused.status).toBe(400);
    const first = await s.request<{ status: string }>('POST', '/field/trips', { as: officer, body });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('out');
    expect((await s.request('POST', '/field/trips', { as: officer, body })).status).toBe(201);
    const second = await s.request('POST', '/field/trips', { as: officer, body: { ...body, tripId: randomUUID() } });
    expect(second.status).toBe(409);
  });

  it('shows the command center who is out, with no coordinates on the board', async () => {
    const board = await s.request<Board>('GET', '/board/field', { as: COMMAND });
    expect(board.status).toBe(200);
    expect(board.body.out.map((t) => t.officer)).toEqual([officer]);
    expect(JSON.stringify(board.body)).not.toContain(String(HERE.latitude));
    expect((await s.request('GET', '/board/field', { as: officer })).status).toBe(403);
  });

  it('captures evidence with its position once, and puts the on-site record on the timeline', async () => {
    const first = await capture(tripId, Buffer.from('photo one'));
    const again = await s.request<{ positions: unknown[] }>('POST', `/field/trips/${tripId}/positions`, {
      as: officer,
      body: { evidenceId: first, position: HERE },
    });
    expect(again.body.positions).toHaveLength(2);
    const recordId = randomUUID();
    const body = { recordId, act: 'seal', note: '已查封车辆一辆，张贴封条', tripId, evidence: [first] };
    const made = await s.request<{ recorded: boolean }>('POST', `/cases/${caseId}/site-records`, { as: officer, body });
    expect(made.body.recorded).toBe(true);
    const twice = await s.request<{ recorded: boolean }>('POST', `/cases/${caseId}/site-records`, {
      as: officer,
      body,
    });
    expect(twice.body.recorded).toBe(false);
    const timeline = await s.request<{ lines: { text: string }[] }>('GET', `/cases/${caseId}/timeline`, {
      as: officer,
    });
    const lines = timeline.body.lines.map((line) => line.text).filter((text) => text.includes('现场笔录'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('查封');
    const unknown = await s.request('POST', `/cases/${caseId}/site-records`, {
      as: officer,
      body: { ...body, recordId: randomUUID(), evidence: ['no-such-evidence'] },
    });
    expect(unknown.status).toBe(400);
  });

  it("gives positions to the command center's role only, and keeps every such read", async () => {
    expect((await s.request('POST', '/board/field/locations', { as: 'li-qiang' })).status).toBe(403);
    expect((await s.request('POST', '/board/field/locations', { as: officer })).status).toBe(403);
    const read = await s.request<{ trips: { officer: string; lastPosition?: { latitude: number } }[] }>(
      'POST',
      '/board/field/locations',
      { as: COMMAND },
    );
    expect(read.status).toBe(200);
    expect(read.body.trips[0]?.lastPosition?.latitude).toBe(HERE.latitude);
    const reads = await s.runtime.deps.field.locationReads('HB0922', 10);
    expect(reads.map((r) => r.by)).toEqual([COMMAND]);
  });

  it('checks in: the command center sees the officer back', async () => {
    const back = await s.request<{ status: string }>('POST', `/field/trips/${tripId}/check-in`, {
      as: officer,
      body: { position: HERE },
    });
    expect(back.body.status).toBe('back');
    const board = await s.request<Board>('GET', '/board/field', { as: COMMAND });
    expect(board.body.out).toEqual([]);
    expect(board.body.back.map((t) => t.tripId)).toEqual([tripId]);
    expect((await s.request('GET', '/field/trip', { as: officer })).body).toEqual({ trip: null });
  });

  it('tells the command center once of a return overdue past the grace, and never of one on time', async () => {
    const late = randomUUID();
    await s.request('POST', '/field/trips', {
      as: officer,
      body: { tripId: late, caseId, act: 'serve', purpose: '直接送达', plannedMinutes: 60 },
    });
    const before = s.alerts.length;
    await s.runtime.advance(3600 + (RULES.P_FIELD_LOCATION.overdueGraceMinutes - 1) * 60);
    expect(s.alerts.slice(before).filter((a) => a.kind === 'field-return-overdue')).toHaveLength(0);
    await s.runtime.advance(2 * 3600);
    await s.runtime.advance(2 * 3600);
    const told = s.alerts.slice(before).filter((a) => a.kind === 'field-return-overdue');
    expect(told).toHaveLength(1);
    expect(told[0]?.message).toContain('外勤逾期未返回');
    const board = await s.request<Board>('GET', '/board/field', { as: COMMAND });
    expect(board.body.out.find((t) => t.tripId === late)?.overdue).toBe(true);
  });

  it('the panic button reaches the command center at once, once per incident', async () => {
    const before = s.alerts.length;
    const body = { incidentId: randomUUID(), note: '现场有人围堵', position: HERE };
    expect((await s.request('POST', '/field/incidents', { as: officer, body })).body).toMatchObject({ alerted: true });
    expect((await s.request('POST', '/field/incidents', { as: officer, body })).body).toMatchObject({ alerted: false });
    const told = s.alerts.slice(before).filter((a) => a.kind === 'field-incident');
    expect(told).toHaveLength(1);
    const board = await s.request<Board>('GET', '/board/field', { as: COMMAND });
    expect(board.body.incidents.map((i) => i.incidentId)).toEqual([body.incidentId]);
  });

  it('deletes the coordinates of a finished trip once the retention period (P-FIELD-LOCATION) is over', async () => {
    const finished = (await s.runtime.deps.field.listSince('HB0922', '2000-01-01T00:00:00.000Z')).find(
      (t) => t.status === 'back',
    );
    expect(finished?.positions.some((p) => p.latitude !== undefined)).toBe(true);
    await s.runtime.advance((RULES.P_FIELD_LOCATION.retention.days - 1) * 24 * 3600);
    expect((await s.runtime.deps.field.getTrip(finished?.tripId ?? ''))?.positionsPurgedAt).toBeUndefined();
    await s.runtime.advance(2 * 24 * 3600);
    const purged = await s.runtime.deps.field.getTrip(finished?.tripId ?? '');
    expect(purged?.positionsPurgedAt).toBeDefined();
    expect(purged?.positions.every((p) => p.latitude === undefined && p.longitude === undefined)).toBe(true);
    expect(purged?.positions.filter((p) => p.evidenceId)).toHaveLength(1);
  });
});
