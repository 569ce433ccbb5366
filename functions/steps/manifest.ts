/**
 * Which ports each function uses. The same list builds the function's dependencies at start-up and, in the CDK
 * app, its IAM permissions: a function can only reach what it declares here (the functions that are not steps
 * declare theirs in their own uses.ts, gathered here).
 */
import type { StepName } from '#workflows/steps.ts';
import { API_FUNCTION_USES, RECORDS_API_FUNCTION_USES } from '../api/uses.ts';
import { INTAKE_USES } from '../intake/uses.ts';
import { RECORD_EVIDENCE_USES } from '../record-evidence/uses.ts';
import { SETTLE_USES } from '../settle/uses.ts';
import { SWEEP_USES } from '../sweep-nodes/uses.ts';

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

/**
 * Functions that are not state-machine steps. Each declares its ports in its own module (functions/<name>/uses.ts),
 * which its entry point imports without the rest of this manifest.
 */
export const FUNCTION_USES = {
  intake: INTAKE_USES,
  settle: SETTLE_USES,
  'record-evidence': RECORD_EVIDENCE_USES,
  api: API_FUNCTION_USES,
  'records-api': RECORDS_API_FUNCTION_USES,
  'sweep-nodes': SWEEP_USES,
} as const satisfies Record<string, readonly DependencyName[]>;

export type FunctionName = StepName | keyof typeof FUNCTION_USES;
