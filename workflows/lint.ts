/**
 * Checks over a definition that asl-validator does not make: the promises of reliability-security.md.
 * - JSONPath only (the embedded runtime silently ignores JSONata fields).
 * - Every Task has a Retry and a catch-all Catch; every task-token wait has a timeout and catches States.Timeout.
 * - No unbounded loop: every cycle passes a Choice whose way back into the cycle is guarded by a numeric upper
 *   bound, and whose default leaves the cycle (the steps increase the counter it reads).
 * - Every state is reachable, and every transition goes to a state that exists.
 * - Every way into the needs-attention state carries `$.error` (a Catch into `$.error`, or a `park` Pass state),
 *   because that state reads it: a missing path would fail the execution without a word on the case.
 */
import { type ChoiceRule, type Definition, NEEDS_ATTENTION, type State } from './asl.ts';
import { ERRORS } from './errors.ts';

const JSONATA_FIELDS = ['QueryLanguage', 'Arguments', 'Output', 'Assign', 'Items', 'Condition'];

function successors(state: State): string[] {
  const next: string[] = [];
  if ('Next' in state && state.Next) next.push(state.Next);
  if (state.Type === 'Choice') {
    for (const rule of state.Choices) next.push(rule.Next);
    if (state.Default) next.push(state.Default);
  }
  if (state.Type === 'Task') for (const c of state.Catch ?? []) next.push(c.Next);
  return next;
}

function hasNumericBound(rule: ChoiceRule): boolean {
  if (rule.NumericLessThanEquals !== undefined) return true;
  if ('NumericLessThan' in rule) return true;
  return (rule.And ?? []).some(hasNumericBound);
}

/** Tarjan's strongly connected components. */
function components(states: Readonly<Record<string, State>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  const visit = (name: string) => {
    indices.set(name, index);
    low.set(name, index);
    index++;
    stack.push(name);
    onStack.add(name);
    const state = states[name];
    for (const next of state ? successors(state) : []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(name, Math.min(low.get(name) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(name, Math.min(low.get(name) ?? 0, indices.get(next) ?? 0));
      }
    }
    if (low.get(name) === indices.get(name)) {
      const component: string[] = [];
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        onStack.delete(member);
        component.push(member);
        if (member === name) break;
      }
      result.push(component);
    }
  };
  for (const name of Object.keys(states)) if (!indices.has(name)) visit(name);
  return result;
}

export function lintDefinition(definition: Definition): string[] {
  const problems: string[] = [];
  const { States: states } = definition;
  const text = JSON.stringify(definition);
  for (const field of JSONATA_FIELDS) {
    if (text.includes(`"${field}"`)) problems.push(`uses ${field}: JSONata is not allowed (JSONPath only)`);
  }
  for (const [name, state] of Object.entries(states)) {
    for (const next of successors(state)) if (!states[next]) problems.push(`${name}: goes to missing state ${next}`);
    if (state.Type !== 'Task') continue;
    if (!state.Retry || state.Retry.length === 0) problems.push(`${name}: Task without Retry`);
    for (const retrier of state.Retry ?? []) {
      if (retrier.ErrorEquals.includes(ERRORS.all) || retrier.ErrorEquals.includes(ERRORS.timeout)) {
        problems.push(
          `${name}: retries ${retrier.ErrorEquals.join(',')} (a timeout or a decision must not be retried)`,
        );
      }
    }
    if (!state.Catch?.some((c) => c.ErrorEquals.includes(ERRORS.all)))
      problems.push(`${name}: Task without a States.ALL Catch`);
    if (state.Resource.endsWith('.waitForTaskToken')) {
      if (state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined) {
        problems.push(`${name}: task-token wait without TimeoutSeconds(Path)`);
      }
      if (!state.Catch?.some((c) => c.ErrorEquals.includes(ERRORS.timeout))) {
        problems.push(`${name}: task-token wait without a Catch for ${ERRORS.timeout}`);
      }
    }
  }
  for (const [name, state] of Object.entries(states)) {
    if (name === NEEDS_ATTENTION) continue;
    const intoAttention =
      ('Next' in state && state.Next === NEEDS_ATTENTION) ||
      (state.Type === 'Choice' &&
        (state.Default === NEEDS_ATTENTION || state.Choices.some((c) => c.Next === NEEDS_ATTENTION)));
    if (intoAttention && !(state.Type === 'Pass' && state.ResultPath === '$.error')) {
      problems.push(`${name}: goes to ${NEEDS_ATTENTION} without setting $.error`);
    }
    if (state.Type === 'Task') {
      for (const c of state.Catch ?? []) {
        if (c.Next === NEEDS_ATTENTION && c.ResultPath !== '$.error')
          problems.push(`${name}: catches into ${NEEDS_ATTENTION} without ResultPath $.error`);
      }
    }
  }
  const reachable = new Set<string>();
  const pending = [definition.StartAt];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (reachable.has(name)) continue;
    reachable.add(name);
    const state = states[name];
    if (state) pending.push(...successors(state));
  }
  for (const name of Object.keys(states)) if (!reachable.has(name)) problems.push(`${name}: unreachable`);
  for (const component of components(states)) {
    const members = new Set(component);
    const selfLoop =
      component.length === 1 &&
      successors(states[component[0] ?? ''] ?? ({ Type: 'Succeed' } as State)).includes(component[0] ?? '');
    if (component.length === 1 && !selfLoop) continue;
    const bounded = component.some((name) => {
      const state = states[name];
      if (state?.Type !== 'Choice') return false;
      const inward = state.Choices.filter((rule) => members.has(rule.Next));
      return inward.length > 0 && inward.every(hasNumericBound) && !(state.Default && members.has(state.Default));
    });
    if (!bounded) problems.push(`loop ${component.sort().join(' -> ')} has no Choice bounding it with a numeric limit`);
  }
  return problems;
}
