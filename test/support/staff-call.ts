/**
 * Staff requests in the workflow scenarios (参与分配, 中止执行): the officer and the bureau chief, and a request to
 * the embedded runtime's API handler as API Gateway passes it (Cognito claims).
 */
import type { Scenario } from './runtime.ts';

export const OFFICER = { user: 'wang-fang', group: 'handling-officer' };
export const CHIEF = { user: 'zhang-wei', group: 'bureau-chief' };

/**
 * A staff request on `path` (a case id in it becomes its path parameter), served by settle or by the api function,
 * as `as`; runs until idle before answering.
 */
export async function call(
  s: Scenario,
  as: { user: string; group: string },
  target: 'api' | 'settle',
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
) {
  const caseId = /\/cases\/(c[a-z2-7]{19})/.exec(path)?.[1];
  const answer = await s.runtime.handleApi(
    {
      httpMethod: method,
      path,
      resource: path.replace(/c[a-z2-7]{19}/, '{caseId}'),
      pathParameters: caseId ? { caseId } : null,
      queryStringParameters: null,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      isBase64Encoded: false,
      requestContext: {
        requestId: 'test',
        authorizer: { claims: { 'cognito:username': as.user, 'cognito:groups': as.group, 'custom:court': 'HB0922' } },
      },
    } as never,
    target,
  );
  await s.runtime.runUntilIdle();
  return { status: answer.statusCode, body: JSON.parse(answer.body) };
}
