/**
 * The disputes' documents are issued where the act is recorded (settle serves the staff act, with the `issuing`
 * dependency, as on AWS): right after the answer, before any workflow step runs, the ruling is archived, numbered,
 * signed and its SHA-256 on the journal. Suspension (中止执行裁定书) and a third party's objection (案外人异议裁定书).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyPdfSignature } from '#adapters/documents/pdf-verify.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { DocumentKind } from '#domain/documents/templates.ts';
import { localDocuments } from '../../local/runtime/documents.ts';
import { filingEvent, RESPONDENT_ID, type Scenario, scenarios } from '../support/runtime.ts';

const open = scenarios();
const FLAT = '冀(2024)青县不动产权第0777号';

/** A staff POST served by settle, answered without running the workflow after it. */
async function settlePost(
  s: Scenario,
  who: { user: string; group: string },
  caseId: string,
  path: string,
  body: unknown,
) {
  const objectionId = /\/(o[a-z2-7]{11})\//.exec(path)?.[1];
  const answer = await s.runtime.handleApi(
    {
      httpMethod: 'POST',
      path: `/cases/${caseId}${path}`,
      resource: `/cases/{caseId}${path.replace(/\/o[a-z2-7]{11}\//, '/{objectionId}/')}`,
      pathParameters: { caseId, ...(objectionId ? { objectionId } : {}) },
      queryStringParameters: null,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      isBase64Encoded: false,
      requestContext: {
        requestId: 'test',
        authorizer: { claims: { 'cognito:username': who.user, 'cognito:groups': who.group, 'custom:court': 'HB0922' } },
      },
    } as never,
    'settle',
  );
  return { status: answer.statusCode, body: JSON.parse(answer.body) };
}

/** The documents of `kind` archived for the case, each checked against the journal and the court's certificate. */
async function issued(s: Scenario, caseId: string, kind: DocumentKind) {
  const deps = localDocuments(s.runtime);
  const journal = (await s.runtime.cases.history(caseId))
    .flatMap((c) => c.events)
    .filter((e): e is Extract<CaseEvent, { type: 'document-issued' }> => e.type === 'document-issued');
  const identity = await deps.keys.identity((await s.load(caseId)).court);
  const docs = (await deps.archive.list(caseId)).filter((d) => d.kind === kind);
  for (const doc of docs) {
    const pdf = (await deps.archive.get(doc.docId))?.pdf ?? new Uint8Array();
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(doc.sha256);
    expect(journal.find((e) => e.docId === doc.docId)).toMatchObject({ kind, number: doc.number, sha256: doc.sha256 });
    expect(verifyPdfSignature(pdf, identity.certificatePem).valid).toBe(true);
  }
  return docs;
}

describe('the disputes’ documents are issued with the act', () => {
  it('a suspension ruled by the bureau chief: its ruling is issued at once; a rejected one issues none', async () => {
    const s = await open({
      issueDocuments: true,
      script: { respondents: { [RESPONDENT_ID]: { eService: 'ok' as const, assets: [] } } },
    });
    const outcome = await s.runtime.intake(filingEvent(961));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    await s.live(caseId, 3);
    const propose = (note: string) =>
      s.runtime.handleApi(
        {
          httpMethod: 'POST',
          path: `/cases/${caseId}/suspension`,
          resource: '/cases/{caseId}/suspension',
          pathParameters: { caseId },
          queryStringParameters: null,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'suspension', ground: 'other-court-finds', note }),
          isBase64Encoded: false,
          requestContext: {
            requestId: 'test',
            authorizer: {
              claims: {
                'cognito:username': 'wang-fang',
                'cognito:groups': 'handling-officer',
                'custom:court': 'HB0922',
              },
            },
          },
        } as never,
        'api',
      );
    const chief = { user: 'zhang-wei', group: 'bureau-chief' };
    expect((await propose('据以执行的判决正在再审审查')).statusCode).toBe(200);
    expect(
      (await settlePost(s, chief, caseId, '/suspension/ruling', { decision: 'rejected', reason: '理由不足' })).status,
    ).toBe(200);
    expect(await issued(s, caseId, 'suspension-ruling')).toEqual([]);
    expect((await propose('据以执行的判决正在再审审查')).statusCode).toBe(200);
    expect((await settlePost(s, chief, caseId, '/suspension/ruling', { decision: 'approved' })).status).toBe(200);
    const [ruling, ...more] = await issued(s, caseId, 'suspension-ruling');
    expect(more).toEqual([]);
    expect(ruling?.number).toMatch(/^（2026）冀0922执裁\d+号$/);
  });

  it('a third party’s objection to a sealed flat, ruled by the panel: the ruling is issued at once', async () => {
    const s = await open({
      issueDocuments: true,
      script: {
        respondents: {
          [RESPONDENT_ID]: {
            eService: 'ok' as const,
            assets: [
              { channel: 'real-estate-registry', class: 'real-estate' as const, reference: FLAT, valueFen: 90_000_000 },
            ],
          },
        },
      },
    });
    const outcome = await s.runtime.intake(filingEvent(962, { claimFen: 70_000_000 }));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    const state = await s.liveUntil(caseId, (c) => Object.values(c.assets).some((a) => a.status === 'sealed'), 40);
    const flat = Object.values(state.assets).find((a) => a.reference === FLAT)?.assetId ?? '';
    const filed = await settlePost(s, { user: 'wang-fang', group: 'handling-officer' }, caseId, '/objections', {
      kind: 'third-party',
      objector: { name: '赵敏', role: 'third-party' },
      assetId: flat,
      grounds: '该房屋系本人出资购买并实际居住',
    });
    expect(filed.status).toBe(200);
    expect(await issued(s, caseId, 'third-party-objection-ruling')).toEqual([]);
    const ruled = await settlePost(
      s,
      { user: 'tang-jie', group: 'panel-member' },
      caseId,
      `/objections/${filed.body.objectionId}/ruling`,
      {
        outcome: 'dismissed',
        reasons: '证据不足',
      },
    );
    expect(ruled.status).toBe(200);
    const [ruling] = await issued(s, caseId, 'third-party-objection-ruling');
    expect(ruling?.number).toMatch(/^（2026）冀0922执异\d+号$/);
  });
});
