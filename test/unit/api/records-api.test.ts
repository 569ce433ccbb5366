/**
 * The staff API's routes of target `api` are served by two functions on AWS (issue 19): api, and records-api for the
 * case file (functions/api/records-api.ts). Together they serve every such route, each route by exactly one.
 */
import { describe, expect, it } from 'vitest';
import { apiHandlers, recordsApiHandlers } from '../../../functions/api/handlers.ts';
import { RECORDS_API_OPERATIONS, servedByRecordsApi } from '../../../functions/api/records-api.ts';
import { ROUTES, type Route } from '../../../functions/api/routes.ts';

// The factories only close over their ports; nothing is called while the handlers are built.
const deps = {} as never;
const mainOperations = Object.keys(apiHandlers(deps, { openApi: async () => ({}) })).sort();
const recordOperations = Object.keys(recordsApiHandlers(deps, { recordOnComplete: false })).sort();
const apiRoutes = (ROUTES as readonly Route[]).filter((r) => r.target === 'api').map((r) => r.operationId);

describe('the api and records-api functions', () => {
  it('serve every route of target api between them, each by exactly one', () => {
    expect([...mainOperations, ...recordOperations].sort()).toEqual([...apiRoutes].sort());
    expect(mainOperations.filter((op) => recordOperations.includes(op))).toEqual([]);
  });

  it('records-api serves exactly the case file: evidence, documents, journal, verification, timeline', () => {
    expect(recordOperations).toEqual([...RECORDS_API_OPERATIONS].sort());
    expect(servedByRecordsApi('getCaseTimeline')).toBe(true);
    expect(servedByRecordsApi('issueEvidenceUpload')).toBe(true);
    // The rest stays with api (or settle): no S3 access needed there.
    expect(servedByRecordsApi('getCase')).toBe(false);
    expect(servedByRecordsApi('listTasks')).toBe(false);
    expect(servedByRecordsApi('decideTask')).toBe(false);
  });
});
