/** Every step, by name: what the embedded runtime runs in-process, and what the CDK app deploys one function each for. */
import type { StepName } from '#workflows/steps.ts';
import { step as advanceClosure } from './advance-closure/step.ts';
import { step as advanceCoercion } from './advance-coercion/step.ts';
import { step as advanceDisposal } from './advance-disposal/step.ts';
import { step as advanceRenewal } from './advance-renewal/step.ts';
import { step as advanceRequery } from './advance-requery/step.ts';
import { step as advanceSettlement } from './advance-settlement/step.ts';
import { step as applyDecision } from './apply-decision/step.ts';
import { step as assessCoverage } from './assess-coverage/step.ts';
import { step as closeCase } from './close-case/step.ts';
import type { Step } from './define.ts';
import { step as dispatchRequest } from './dispatch-request/step.ts';
import { step as escalateApproval } from './escalate-approval/step.ts';
import { step as executeControl } from './execute-control/step.ts';
import { step as issueDocuments } from './issue-documents/step.ts';
import type { DependencyName } from './manifest.ts';
import { step as openClosure } from './open-closure/step.ts';
import { step as openCoercion } from './open-coercion/step.ts';
import { step as openDisbursement } from './open-disbursement/step.ts';
import { step as openDisposal } from './open-disposal/step.ts';
import { step as openInvestigation } from './open-investigation/step.ts';
import { step as openRenewal } from './open-renewal/step.ts';
import { step as openRequery } from './open-requery/step.ts';
import { step as openSettlement } from './open-settlement/step.ts';
import { step as payOut } from './pay-out/step.ts';
import { step as planControl } from './plan-control/step.ts';
import { step as recordAssetReport } from './record-asset-report/step.ts';
import { step as recordControl } from './record-control/step.ts';
import { step as recordInquiry } from './record-inquiry/step.ts';
import { step as recordNeedsAttention } from './record-needs-attention/step.ts';
import { step as recordService } from './record-service/step.ts';
import { step as requestApproval } from './request-approval/step.ts';
import { step as triage } from './triage/step.ts';

export const STEP_REGISTRY: Record<StepName, Step<string, DependencyName>> = {
  triage,
  'issue-documents': issueDocuments,
  'record-service': recordService,
  'open-investigation': openInvestigation,
  'record-inquiry': recordInquiry,
  'plan-control': planControl,
  'execute-control': executeControl,
  'record-control': recordControl,
  'assess-coverage': assessCoverage,
  'open-disbursement': openDisbursement,
  'pay-out': payOut,
  'close-case': closeCase,
  'dispatch-request': dispatchRequest,
  'request-approval': requestApproval,
  'escalate-approval': escalateApproval,
  'apply-decision': applyDecision,
  'record-needs-attention': recordNeedsAttention,
  'record-asset-report': recordAssetReport,
  'open-coercion': openCoercion,
  'advance-coercion': advanceCoercion,
  'open-disposal': openDisposal,
  'advance-disposal': advanceDisposal,
  'open-renewal': openRenewal,
  'advance-renewal': advanceRenewal,
  'open-closure': openClosure,
  'advance-closure': advanceClosure,
  'open-requery': openRequery,
  'advance-requery': advanceRequery,
  'open-settlement': openSettlement,
  'advance-settlement': advanceSettlement,
};
