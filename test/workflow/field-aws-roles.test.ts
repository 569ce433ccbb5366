/**
 * The field routes on AWS answer as on the embedded runtime: the same API function, reached the way API Gateway
 * reaches it (a proxy event whose identity is the Cognito authorizer's claims: user name, groups, court), and the
 * same roles. Each exchange is made both ways and must get the same status: the field officer checks out and sees
 * the trip; the command center reads the board and the positions; a field officer reading positions is refused.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { filingEvent, respondentWith } from '../support/runtime.ts';

const GROUPS: Record<string, string> = { 'fan-tao': 'field-officer', 'zhao-min': 'command-center' };

let s: ApiScenario;
let caseId = '';

/** The request as API Gateway hands it to the API function behind the Cognito authorizer. */
async function viaGateway(user: string, method: 'GET' | 'POST', path: string, resource: string, body?: unknown) {
  const tripId = /\/field\/trips\/([^/]+)/.exec(path)?.[1];
  const answer = await s.runtime.handleApi(
    {
      httpMethod: method,
      path,
      resource,
      pathParameters: tripId ? { tripId } : null,
      queryStringParameters: null,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      isBase64Encoded: false,
      requestContext: {
        requestId: randomUUID(),
        authorizer: {
          claims: { 'cognito:username': user, 'cognito:groups': GROUPS[user] ?? '', 'custom:court': 'HB0922' },
        },
      },
    } as never,
    'api',
  );
  return answer.statusCode;
}

beforeAll(async () => {
  s = await apiScenario({ script: respondentWith({ eService: 'ok', assets: [] }) });
  const filed = await s.runtime.intake(filingEvent(1720));
  if (filed.outcome !== 'created') throw new Error('not filed');
  caseId = filed.caseId;
});

afterAll(async () => {
  await s?.close();
});

describe('the field routes behind Cognito answer with the same roles as on the embedded runtime', () => {
  it('a field officer checks out and sees the trip; the command center reads the board and the positions', async () => {
    // Prepare
    const trip = (tripId: string) => ({ tripId, caseId, act: 'inspect', purpose: '现场调查', plannedMinutes: 120 });

    // Act
    const statuses = {
      gateway: [
        await viaGateway('fan-tao', 'POST', '/field/trips', '/field/trips', trip(randomUUID())),
        await viaGateway('fan-tao', 'GET', '/field/trip', '/field/trip'),
        await viaGateway('zhao-min', 'GET', '/board/field', '/board/field'),
        await viaGateway('zhao-min', 'POST', '/board/field/locations', '/board/field/locations', {}),
      ],
      local: [
        (await s.request('POST', '/field/trips', { as: 'wang-fang', body: trip(randomUUID()) })).status,
        (await s.request('GET', '/field/trip', { as: 'wang-fang' })).status,
        (await s.request('GET', '/board/field', { as: 'zhao-min' })).status,
        (await s.request('POST', '/board/field/locations', { as: 'zhao-min', body: {} })).status,
      ],
    };

    // Assert
    expect(statuses.gateway).toEqual([201, 200, 200, 200]);
    expect(statuses.local).toEqual(statuses.gateway);
  });

  it('a field officer may not read where the officers are, on AWS as locally; nothing is logged as read', async () => {
    // Prepare
    const before = (await s.runtime.deps.field.locationReads('HB0922', 100)).length;

    // Act
    const gateway = await viaGateway('fan-tao', 'POST', '/board/field/locations', '/board/field/locations', {});
    const local = (await s.request('POST', '/board/field/locations', { as: 'fan-tao', body: {} })).status;

    // Assert
    expect(gateway).toBe(403);
    expect(local).toBe(gateway);
    expect(await s.runtime.deps.field.locationReads('HB0922', 100)).toHaveLength(before);
  });
});
