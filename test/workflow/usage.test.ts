/**
 * The usage meter on one scripted case (the cost model's input): a respondent who pays after the notice, approvals
 * decided through the staff API by the workload's actor. The expected counts are worked out by hand from the
 * definitions, state by state, below; a change to a definition that changes them changes what a case costs.
 */
import { describe, expect, it } from 'vitest';
import { costOf, DEFAULT_ASSUMPTIONS } from '../../local/cost/model.ts';
import { loadPrices } from '../../local/cost/pricing.ts';
import type { RuntimeEvent } from '../../local/runtime/engine.ts';
import { EmbeddedRuntime } from '../../local/runtime/runtime.ts';
import { UsageMeter } from '../../local/runtime/usage.ts';
import { CaseTracker, runWorkload, WORKLOAD_START, workloadScript } from '../../local/workload/driver.ts';

/** The states each execution enters, once each (a wait that is resumed is not entered again). */
const PATHS = {
  // IssueDocuments (which triages first) and the four record/await steps are Lambda tasks; StartInvestigation
  // starts the next execution through the direct Step Functions integration (no Lambda); ServiceOutcome is a Choice;
  // the execution ends at RecordAssetReport.
  service: [
    'IssueDocuments',
    'StartInvestigation',
    'ServeDocuments',
    'RecordService',
    'ServiceOutcome',
    'AwaitAssetReport',
    'RecordAssetReport',
  ],
  // The money came in before the inquiry ended: the plan finds the claim covered and hands over to disbursement.
  investigation: [
    'OpenInvestigation',
    'AwaitInquiry',
    // The inquiry's answers recorded and the control planned in one Task (plan-control).
    'PlanControl',
    'RoutePlan',
    'StartDisbursementFromPlan',
  ],
  disbursement: [
    'OpenDisbursement',
    'AwaitDisbursementApproval',
    // The decision recorded, the plan paid out and the case closed in one Task (close-case).
    'ApplyDisbursementDecision',
    'RouteClosing',
    'Closed',
  ],
};

/** Lambda invocations, by function. */
const INVOCATIONS = {
  intake: 1, // the filing event
  'issue-documents': 1,
  // ServeDocuments, AwaitAssetReport, AwaitInquiry: each sends its request and waits for the answers.
  'dispatch-request': 3,
  'record-service': 1,
  'record-asset-report': 1,
  'open-investigation': 1,
  'plan-control': 1, // records the inquiry's answers (no record-inquiry Task), then plans
  'open-disbursement': 1,
  'request-approval': 1, // AwaitDisbursementApproval
  'close-case': 1, // records the decision (ApplyDisbursementDecision), pays out and closes
  // 12 partner answers (e-service 1, asset report 1, inquiry 10 channels), the payment notice, the decision.
  settle: 14,
  api: 1, // the approver opens the task (GET /tasks/{id}); the decision itself goes to settle
};

describe('usage of one scripted case (paid after the notice)', () => {
  it('counts executions, billed transitions, invocations, messages, events and API requests as worked out by hand', async () => {
    const meter = new UsageMeter();
    const tracker = new CaseTracker();
    const entered: RuntimeEvent[] = [];
    const runtime = await EmbeddedRuntime.open({
      clock: 'virtual',
      startAt: WORKLOAD_START,
      script: workloadScript(),
      onCommit: tracker.listener,
      onEvent: (event) => entered.push(event),
      logSink: () => undefined,
      meter,
    });
    try {
      let caseId = '';
      const result = await runWorkload(runtime, tracker, {
        plan: ['paid-after-notice'],
        perDay: 1,
        onFinished: (id) => {
          caseId = id;
        },
      });
      expect(result.outcomes).toEqual({ 'paid-after-notice': { closed: 1 } });
      const usage = meter.of(caseId);
      if (!usage) throw new Error('no usage recorded');

      expect(usage.executions).toEqual({ service: 1, investigation: 1, disbursement: 1 });
      expect(usage.transitions).toEqual({
        service: PATHS.service.length,
        investigation: PATHS.investigation.length,
        disbursement: PATHS.disbursement.length,
      });
      expect(Object.fromEntries(Object.entries(usage.lambda).map(([name, f]) => [name, f.invocations]))).toEqual(
        INVOCATIONS,
      );
      expect(usage.sqsMessages).toBe(12);
      expect(usage.events).toBe(1); // the filing event; no alert in this case
      expect(usage.apiRequests).toBe(2); // GET the task, POST the decision

      // The engine re-enters a resumed wait locally; the bill does not: the distinct states are the path above.
      const names = new Set(entered.flatMap((e) => (e.type === 'state-entered' ? [e.state] : [])));
      expect(names).toEqual(new Set([...PATHS.service, ...PATHS.investigation, ...PATHS.disbursement]));

      // Every commit is one journal write; the runtime's own table is not billed (it stands for Step Functions).
      const commits = (await runtime.cases.history(caseId)).length;
      expect(usage.dynamodb['enforcement-journal']?.writes).toBe(commits);

      // Priced: the Step Functions line is the transitions times the list price.
      const prices = loadPrices('us-east-1');
      const cost = costOf(usage, prices, {
        memoryMb: 1024,
        billedTables: ['enforcement-cases', 'enforcement-journal', 'enforcement-idempotency'],
        assumptions: DEFAULT_ASSUMPTIONS,
      });
      const transitions = cost.lines.find((l) => l.price === 'stepFunctions.transition');
      expect(transitions?.quantity).toBe(17);
      expect(transitions?.cost).toBeCloseTo(17 * 0.000025, 12);
    } finally {
      await runtime.close();
    }
  });
});
