/** Paths of the project the CDK app bundles from. */
import { fileURLToPath } from 'node:url';
import type { StepName } from '#workflows/steps.ts';

/** The repository root: package.json, package-lock.json, functions/. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

export function stepEntry(step: StepName): string {
  return `${PROJECT_ROOT}/functions/steps/${step}/handler.ts`;
}

/** A function that is not a state-machine step: functions/<name>/handler.ts. */
export function functionEntry(
  name: 'intake' | 'settle' | 'record-evidence' | 'api' | 'records-api' | 'auth' | 'sweep-nodes' | 'render-document',
): string {
  return `${PROJECT_ROOT}/functions/${name}/handler.ts`;
}
