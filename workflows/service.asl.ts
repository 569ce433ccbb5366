/**
 * Service phase: triage and assignment, the enforcement notice with the asset-report order, then service:
 * electronic first, post as the fallback; once served, the respondents' asset reports (A9). The investigation phase starts as soon as the documents are issued
 * (control measures need not wait for delivery, A5), so service continues beside it.
 */
import {
  carry,
  choice,
  type Definition,
  equals,
  invoke,
  invokeAndEnd,
  needsAttentionStates,
  startPhase,
  succeed,
  waitFor,
} from './asl.ts';
import { ERRORS } from './errors.ts';
import { MACHINE_KEYS } from './steps.ts';

/** Service is tried at most twice (electronic, then post). */
export const MAX_SERVICE_ROUNDS = 2;

export const serviceDefinition: Definition = {
  Comment: 'Enforcement case: triage, notice and asset-report order, service (A3, A5, A10)',
  StartAt: 'IssueDocuments',
  States: {
    // Triage (track, team, officer) and the documents in one Task: before, a triage Task came first.
    IssueDocuments: invoke('issue-documents', {
      payload: { triage: true },
      resultPath: '$.documents',
      next: 'StartInvestigation',
    }),
    StartInvestigation: startPhase(MACHINE_KEYS.investigation, '$.documents.value.investigation', 'ServeDocuments'),
    // The attempt's terms: the first as prepared with the documents, the next put in their place by ServeAgain.
    ServeDocuments: waitFor('dispatch-request', {
      comment: 'The e-service platform or the post answers per respondent',
      payload: { 'requestId.$': '$.documents.value.service.requestId' },
      timeoutSecondsPath: '$.documents.value.service.timeoutSeconds',
      onTimeout: 'RecordService',
      resultPath: null,
      next: 'RecordService',
      catches: [{ ErrorEquals: [ERRORS.partnerRequestSettled], ResultPath: null, Next: 'RecordService' }],
    }),
    RecordService: invoke('record-service', {
      payload: { 'requestId.$': '$.documents.value.service.requestId', 'round.$': '$.documents.value.service.round' },
      resultPath: '$.serviceOutcome',
      next: 'ServiceOutcome',
    }),
    ServiceOutcome: choice(
      [
        equals('$.serviceOutcome.value.next', 'served', 'AwaitAssetReport'),
        {
          And: [
            { Variable: '$.serviceOutcome.value.next', StringEquals: 'retry' },
            { Variable: '$.serviceOutcome.value.service.round', NumericLessThanEquals: MAX_SERVICE_ROUNDS },
          ],
          Next: 'ServeAgain',
        },
      ],
      'NotServed',
    ),
    ServeAgain: carry(
      '$.serviceOutcome.value.service',
      '$.documents.value.service',
      'ServeDocuments',
      'Next attempt: by post',
    ),
    AwaitAssetReport: waitFor('dispatch-request', {
      comment: 'A9: the respondents report their assets within the period the order gives (P-ASSET-REPORT)',
      payload: { 'requestId.$': '$.serviceOutcome.value.assetReport.requestId' },
      timeoutSecondsPath: '$.serviceOutcome.value.assetReport.timeoutSeconds',
      onTimeout: 'RecordAssetReport',
      resultPath: null,
      next: 'RecordAssetReport',
      catches: [{ ErrorEquals: [ERRORS.partnerRequestSettled], ResultPath: null, Next: 'RecordAssetReport' }],
    }),
    // Every respondent served; the asset reports recorded (a refusal is a ground for coercive measures): the
    // execution ends at this Task, not at a Succeed state after it.
    RecordAssetReport: invokeAndEnd('record-asset-report', {
      payload: { 'requestId.$': '$.serviceOutcome.value.assetReport.requestId' },
      resultPath: null,
    }),
    NotServed: succeed('Not served by either method: the officer is told (direct service or public notice)'),
    ...needsAttentionStates(),
  },
};
