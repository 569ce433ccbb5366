/** The HTTP layer without a server: identity from claims, the router's parsing and error mapping, routes. */
import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '#contracts/limits.ts';
import { forbidden } from '#use-cases/errors.ts';
import { identityFromClaims, parseGroups } from '../../../functions/api/identity.ts';
import { createRouter } from '../../../functions/api/router.ts';
import { matchRoute, ROUTES, type Route } from '../../../functions/api/routes.ts';

const route = (operationId: string) => (ROUTES as readonly Route[]).find((r) => r.operationId === operationId) as Route;
const me = { userId: 'li-qiang', roles: ['team-lead' as const], court: 'HB0922' };
const lines: string[] = [];
const logger = new Logger({ serviceName: 'test', logLevel: 'INFO' });
logger.info = (message: string) => void lines.push(message);
logger.warn = (message: string) => void lines.push(message);
logger.error = (message: string) => void lines.push(message);

describe('identity from the authorizer claims', () => {
  it('reads the groups in every shape API Gateway gives them, and keeps only roles', () => {
    expect(parseGroups(['team-lead', 'x'])).toEqual(['team-lead', 'x']);
    expect(parseGroups('team-lead,panel-member')).toEqual(['team-lead', 'panel-member']);
    expect(parseGroups('[team-lead panel-member]')).toEqual(['team-lead', 'panel-member']);
    expect(
      identityFromClaims({
        'cognito:username': 'li-qiang',
        'cognito:groups': 'team-lead,admins',
        'custom:court': 'HB0922',
      }),
    ).toEqual(me);
  });

  it('has no identity without a user or a court', () => {
    expect(identityFromClaims(undefined)).toBeUndefined();
    expect(identityFromClaims({ sub: 'x', 'cognito:groups': 'team-lead' })).toBeUndefined();
  });
});

describe('the router', () => {
  const router = createRouter(
    {
      decideTask: async ({ body }) => body,
      claimTask: async () => {
        throw forbidden('无权');
      },
      getTask: async () => {
        throw new Error('secret-token-value inside a stored item');
      },
    },
    logger,
  );
  const request = (operationId: string, extra: Partial<Parameters<typeof router>[0]> = {}) =>
    router({
      route: route(operationId),
      params: { approvalId: 'aaaaaaaaaaaa' },
      query: {},
      body: undefined,
      identity: me,
      requestId: 'r',
      ...extra,
    });

  it('refuses without an identity (401) and parses the body with the route contract', async () => {
    expect((await request('decideTask', { identity: undefined })).status).toBe(401);
    const ok = await request('decideTask', { body: JSON.stringify({ decision: 'approved' }) });
    expect(ok).toEqual({ status: 200, body: { decision: 'approved' } });
  });

  it('names bad fields, never their values; says only "not JSON" of a broken body', async () => {
    const bad = await request('decideTask', {
      body: JSON.stringify({ decision: 'rejected', reason: 'x', extra: 'SECRET' }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toContain('SECRET');
    expect(JSON.stringify(bad.body)).toContain('body');
    const broken = await request('decideTask', { body: '{"decision": "SECRET' });
    expect(broken).toMatchObject({ status: 400, body: { error: { message: '请求体不是有效的 JSON' } } });
    expect((await request('decideTask', { params: { approvalId: 'nope' }, body: '{}' })).status).toBe(400);
  });

  it('maps use-case errors to their status, and anything else to a 500 that tells nothing', async () => {
    expect((await request('claimTask')).status).toBe(403);
    const failed = await request('getTask');
    expect(failed.status).toBe(500);
    expect(JSON.stringify(failed.body)).not.toContain('secret');
    expect(lines.join('\n')).not.toContain('secret');
  });

  it('refuses, before parsing, a body over the size limit (413) or nested too deep (400): the Lambda path too', async () => {
    const big = await request('decideTask', {
      body: JSON.stringify({ decision: 'approved', reason: 'x'.repeat(MAX_BODY_BYTES) }),
    });
    expect(big).toMatchObject({ status: 413, body: { error: { code: 'too-large' } } });
    const deep = await request('decideTask', { body: `${'['.repeat(3000)}${']'.repeat(3000)}` });
    expect(deep).toMatchObject({ status: 400, body: { error: { message: '请求体嵌套层数过多' } } });
    const fine = await request('decideTask', { body: JSON.stringify({ decision: 'approved' }) });
    expect(fine.status).toBe(200);
  });

  it('names the field that fails, in Chinese, with what it needs (and never the value sent)', async () => {
    const missing = await request('decideTask', { body: JSON.stringify({ reason: '同意' }) });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      error: {
        message: '请求体不符合要求：decision 须为其中之一：approved、rejected',
        issues: [{ path: 'body.decision' }],
      },
    });
    const other = await request('decideTask', { body: JSON.stringify({ decision: 'maybe' }) });
    expect(JSON.stringify(other.body)).toContain('decision 须为其中之一：approved、rejected');
    const wrong = await request('decideTask', { body: JSON.stringify({ decision: 'approved', reason: 12345 }) });
    expect(JSON.stringify(wrong.body)).toContain('reason 须为文字');
    expect(JSON.stringify(wrong.body)).not.toContain('12345');
    expect((wrong.body as { error: { message: string } }).error.message).not.toMatch(/Invalid|expected|received/);
  });

  it('counts unknown keys instead of quoting them (a key is input too)', async () => {
    const bad = await request('decideTask', {
      body: JSON.stringify({ decision: 'approved', '130922199001010030': 1 }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toContain('130922199001010030');
    expect(bad.body).toMatchObject({
      error: {
        message: '请求体不符合要求：请求体含有一个不认识的字段',
        issues: [{ path: 'body', message: '含有一个不认识的字段' }],
      },
    });
  });

  it('refuses query parameters it does not know', async () => {
    const listed = await createRouter(
      { listTasks: async () => ({ items: [] }) },
      logger,
    )({
      route: route('listTasks'),
      params: {},
      query: { sneaky: '1' },
      body: undefined,
      identity: me,
      requestId: 'r',
    });
    expect(listed.status).toBe(400);
  });
});

describe('routes', () => {
  it('match templates and say which methods a path allows', () => {
    expect(matchRoute('POST', '/tasks/aaaaaaaaaaaa/decision')).toMatchObject({
      route: { operationId: 'decideTask' },
      params: { approvalId: 'aaaaaaaaaaaa' },
    });
    expect(matchRoute('DELETE', '/tasks')).toEqual({ allowed: ['GET'] });
    expect(matchRoute('GET', '/nowhere')).toEqual({ allowed: [] });
    // A segment whose percent-encoding does not decode matches nothing (and never throws).
    expect(matchRoute('GET', '/cases/%FF')).toEqual({ allowed: [] });
  });

  it('send to settle only what wakes or starts a workflow: decisions, conduct, early release, the closing work, objections, the measures', () => {
    expect((ROUTES as readonly Route[]).filter((r) => r.target === 'settle').map((r) => r.path)).toEqual([
      '/tasks/{approvalId}/decision',
      '/cases/{caseId}/conduct',
      '/cases/{caseId}/early-release',
      '/cases/{caseId}/closure',
      '/cases/{caseId}/interview',
      '/cases/{caseId}/settlement',
      // The applicant's application to resume asks the filing system for a resumed case (a new execution).
      '/cases/{caseId}/resumption',
      // The applicant's request to remove a listing wakes the coercion phase or starts a run that removes it (C6).
      '/cases/{caseId}/listing-removal',
      // An objection's ruling, decision or judgment holds or frees an asset: it wakes or starts the disposal phase.
      '/cases/{caseId}/objections',
      '/cases/{caseId}/objections/{objectionId}/ruling',
      '/cases/{caseId}/objections/{objectionId}/reconsideration',
      '/cases/{caseId}/objections/{objectionId}/reconsideration-decision',
      '/cases/{caseId}/objections/{objectionId}/suit',
      '/cases/{caseId}/objections/{objectionId}/judgment',
      // Disputes (issue 14): withdrawing a waiting disbursement, paying a distribution, starting a stopped phase
      // again, asking the filing system for a reversal.
      '/cases/{caseId}/distribution/applications',
      // The plan and the party-change ruling are issued as signed documents with the act (settle holds `issuing`).
      '/cases/{caseId}/distribution/serve',
      '/cases/{caseId}/distribution/suit',
      '/cases/{caseId}/distribution/judgment',
      '/cases/{caseId}/distribution/advance',
      // A suspension on a ground of C6 第十条第一款第五项 starts the run that removes the listing.
      '/cases/{caseId}/suspension/ruling',
      '/cases/{caseId}/suspension/lift',
      '/cases/{caseId}/suspension/guarantee',
      '/cases/{caseId}/reversal',
      // The rulings on a late application (A12) and on a party change are issued as signed documents with the act.
      '/cases/{caseId}/limitation-objections/{objectionId}/ruling',
      '/cases/{caseId}/party-changes/{applicationId}/ruling',
      // A respondent who joined by a final ruling (追加、变更): starts its service and investigation runs.
      '/cases/{caseId}/party-changes/{applicationId}/final',
      '/cases/{caseId}/measures/exit-ban',
      '/cases/{caseId}/measures/exit-ban/lift',
      '/cases/{caseId}/measures/reward',
      '/cases/{caseId}/measures/reward/deposit',
      '/cases/{caseId}/measures/reward/leads',
      '/cases/{caseId}/measures/reward/lead-checks',
      '/cases/{caseId}/measures/reward/lead-money',
      '/cases/{caseId}/measures/reward/close',
      '/cases/{caseId}/measures/relief',
      '/cases/{caseId}/measures/relief/payment',
      '/cases/{caseId}/measures/bankruptcy',
      '/cases/{caseId}/measures/bankruptcy/declared',
      '/cases/{caseId}/measures/dispatch',
    ]);
  });
});
