/** The state machines: one definition each, used by the CDK app and the embedded runtime alike. */
import type { Definition } from './asl.ts';
import { closureDefinition } from './closure.asl.ts';
import { coercionDefinition } from './coercion.asl.ts';
import { disbursementDefinition } from './disbursement.asl.ts';
import { disposalDefinition } from './disposal.asl.ts';
import { investigationDefinition } from './investigation.asl.ts';
import { nodeTaskDefinition } from './node-task.asl.ts';
import { renewalDefinition } from './renewal.asl.ts';
import { requeryDefinition } from './requery.asl.ts';
import { serviceDefinition } from './service.asl.ts';
import { settlementDefinition } from './settlement.asl.ts';

export const MACHINES = [
  'service',
  'investigation',
  'disbursement',
  'coercion',
  'disposal',
  'renewal',
  'closure',
  'requery',
  'settlement',
  'node-task',
] as const;
export type MachineName = (typeof MACHINES)[number];

export const DEFINITIONS: Record<MachineName, Definition> = {
  service: serviceDefinition,
  investigation: investigationDefinition,
  disbursement: disbursementDefinition,
  coercion: coercionDefinition,
  disposal: disposalDefinition,
  renewal: renewalDefinition,
  closure: closureDefinition,
  requery: requeryDefinition,
  settlement: settlementDefinition,
  'node-task': nodeTaskDefinition,
};

export { DEFINITION_VERSION } from './version.ts';
