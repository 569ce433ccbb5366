/**
 * Test support: runs one runtime operation in this process and kills the process (SIGKILL, no clean-up) the
 * moment a chosen step is invoked. Used to prove recovery from a crash at an exact point.
 *   node test/support/crash-runner.ts <data-dir> <crash-at-step> decide <approval-id> <user>
 *   node test/support/crash-runner.ts <data-dir> <crash-at-step> advance <seconds>
 */
import { EmbeddedRuntime } from '../../local/runtime/runtime.ts';

const [dataDir, crashAt, action, ...rest] = process.argv.slice(2);
if (!dataDir || !crashAt || !action) throw new Error('usage: crash-runner <data-dir> <step> <action> ...');
const runtime = await EmbeddedRuntime.open({ dataDir });
const target = runtime as unknown as {
  invokeStep: (step: string, payload: unknown, caseId: string) => Promise<unknown>;
};
const original = target.invokeStep.bind(runtime);
target.invokeStep = async (step, payload, caseId) => {
  if (step === crashAt) process.kill(process.pid, 'SIGKILL');
  return original(step, payload, caseId);
};
if (action === 'decide') {
  const [approvalId = '', userId = ''] = rest;
  await runtime.decide({ approvalId, decision: 'approved', userId });
} else {
  await runtime.advance(Number(rest[0]));
}
await runtime.close();
console.log('finished without reaching', crashAt);
