/**
 * Which ports each function uses. The same list builds the function's dependencies at start-up and, in the CDK
 * app, its IAM permissions: a function can only reach what it declares here.
 */
import type { StepName } from '#workflows/steps.ts';

export const DEPENDENCIES = [
  'clock',
  'rules',
  'calendar',
  'cases',
  'queries',
  'approvals',
  'requests',
  'partners',
  'engine',
  'staff',
  'alerts',
  'payments',
  'rejections',
  'evidence',
  'wakes',
  'filing',
  'received',
  'preservations',
  'partyKey',
  'documents',
  'issuing',
  'field',
  'closures',
] as const;
export type DependencyName = (typeof DEPENDENCIES)[number];

const BASE = ['clock', 'rules', 'calendar', 'cases'] as const;
/**
 * The steps whose acts the law makes in writing issue those documents before they return (numbered, signed,
 * archived, hashed on the journal): the approver's name comes from the staff directory.
 */
const ISSUES = ['staff', 'issuing'] as const;

export const STEP_USES = {
  triage: [...BASE, 'staff', 'queries'],
  'issue-documents': [...BASE, ...ISSUES, 'requests', 'queries'],
  'record-service': [...BASE, 'requests', 'alerts'],
  'open-investigation': [...BASE, 'requests', 'alerts'],
  'record-inquiry': [...BASE, 'requests', 'alerts'],
  'plan-control': [...BASE, ...ISSUES, 'requests', 'alerts'],
  'execute-control': [...BASE, ...ISSUES, 'requests', 'alerts'],
  'record-control': [...BASE, ...ISSUES, 'requests', 'alerts'],
  'assess-coverage': [...BASE],
  'open-disbursement': [...BASE],
  'pay-out': [...BASE, 'payments'],
  'close-case': [...BASE, ...ISSUES, 'wakes', 'closures', 'payments'],
  'dispatch-request': ['clock', 'requests', 'partners'],
  'request-approval': ['clock', 'rules', 'cases', 'approvals'],
  'escalate-approval': [...BASE, 'approvals', 'alerts'],
  'apply-decision': [...BASE],
  'record-needs-attention': ['clock', 'cases', 'alerts'],
  'record-asset-report': ['clock', 'cases', 'requests'],
  'open-coercion': [...BASE, ...ISSUES, 'requests', 'alerts'],
  'advance-coercion': [...BASE, ...ISSUES, 'requests', 'alerts'],
  'open-disposal': [...BASE, ...ISSUES, 'requests', 'alerts', 'wakes'],
  'advance-disposal': [...BASE, ...ISSUES, 'requests', 'alerts', 'wakes', 'closures'],
  'open-renewal': [...BASE, 'requests', 'alerts'],
  'advance-renewal': [...BASE, 'requests', 'alerts'],
  'open-closure': [...BASE, ...ISSUES, 'requests', 'alerts', 'wakes', 'closures'],
  'advance-closure': [...BASE, ...ISSUES, 'requests', 'alerts', 'wakes', 'closures'],
  'open-requery': [...BASE, 'requests', 'alerts', 'filing'],
  'advance-requery': [...BASE, 'requests', 'alerts', 'filing'],
  'open-settlement': [...BASE, 'requests'],
  'advance-settlement': [...BASE, 'requests'],
} as const satisfies Record<StepName, readonly DependencyName[]>;

/** Functions that are not state-machine steps. */
export const FUNCTION_USES = {
  /**
   * EventBridge target: validates, creates the case, carries over the preserved seizures of the same parties
   * (B3-CARRY), starts the first phase and, with seizures carried, the renewal watch; records preservation rulings.
   */
  intake: ['clock', 'rules', 'calendar', 'cases', 'engine', 'rejections', 'staff', 'partyKey', 'preservations'],
  /**
   * The only holder of states:SendTask*: staff decisions on approvals, and partner answers (the last answer to a
   * request resumes its execution).
   */
  settle: [
    'clock',
    'rules',
    'calendar',
    'cases',
    'approvals',
    'staff',
    'engine',
    'requests',
    'alerts',
    'filing',
    // Disputes inside enforcement: a distribution among creditors pays from the case account (参与分配).
    'payments',
    // The measures' notices (exit-entry authority, bankruptcy court) are sent by the staff actions settle serves.
    'partners',
    // The early release the president orders is made in writing at once (提前解除拘留决定书).
    'issuing',
  ],
  /**
   * EventBridge target of the evidence bucket's Object Created events: checks the landed object against its
   * declared upload and records it on the case (and puts it under the case's legal hold, if there is one).
   */
  'record-evidence': ['clock', 'rules', 'cases', 'evidence'],
  /**
   * The staff API behind API Gateway: tasks (list, claim, assign), case reads, the command-center board and
   * lookups, field work, and the matters other courts entrust to this
   * court (H1: recorded, assigned, finished, counted, overdue ones told to the command center). Writes the case
   * journal (claims, assignments) and the approvals' assignee; never the engine: decisions, conduct and early
   * releases go to settle; the case file (evidence, documents, journal, timeline) goes to records-api.
   */
  api: [
    'clock',
    'rules',
    'calendar',
    'cases',
    'queries',
    'approvals',
    'staff',
    'received',
    'preservations',
    'alerts',
    'field',
  ],
  /**
   * The staff API's case-file routes (functions/api/records-api.ts lists them): signed evidence uploads and links,
   * legal holds, the case's issued documents and their PDFs, its journal, verification and timeline. A function of
   * its own, so that the staff API's other routes run without S3 access and each bundle stays small (issue 19).
   */
  'records-api': ['clock', 'rules', 'cases', 'staff', 'evidence', 'documents'],
  /**
   * The node sweeper, every few minutes: reads the sweep index, records warnings and overdue nodes, starts the
   * node-task executions (overdue supervision, term extension) and tells the command center; and tells it of
   * matters other courts entrusted (H1) gone overdue.
   */
  'sweep-nodes': [
    'clock',
    'rules',
    'calendar',
    'cases',
    'queries',
    'engine',
    'alerts',
    'received',
    'preservations',
    'staff',
    'field',
    // Read only (its pending-approvals index): the approvals-waiting gauge of the command center.
    'approvals',
    // A distribution window (参与分配) that ended unused: the sweeper pays the plan from the case account.
    'payments',
    // An objection's ruling that stands may remove a listing: settle is asked to wake the coercion phase to publish it.
    'wakes',
  ],
} as const satisfies Record<string, readonly DependencyName[]>;

export type FunctionName = StepName | keyof typeof FUNCTION_USES;
