/**
 * Measures what one case of each scenario uses: an in-memory embedded runtime with the usage meter on, one case of
 * every scenario first to warm up (its numbers are dropped: module loading and JIT would count as the steps' time),
 * then one measured case of each. The counts are the same run after run; the times vary a little.
 */
import { EmbeddedRuntime } from '../runtime/runtime.ts';
import { addUsage, emptyUsage, type Usage, UsageMeter } from '../runtime/usage.ts';
import { CaseTracker, runWorkload, WORKLOAD_START, workloadScript } from '../workload/driver.ts';

export interface ScenarioUsage {
  readonly scenario: string;
  readonly usage: Usage;
  /** Where the case ended. */
  readonly status: string;
  /** Days from filing to closure on the virtual clock, when the case closed (how long its evidence stays in Standard). */
  readonly openDays?: number;
}

export async function measureScenarios(scenarios: readonly string[]): Promise<ScenarioUsage[]> {
  const meter = new UsageMeter();
  const tracker = new CaseTracker();
  const runtime = await EmbeddedRuntime.open({
    clock: 'virtual',
    startAt: WORKLOAD_START,
    script: workloadScript(),
    onCommit: tracker.listener,
    logSink: () => undefined,
    meter,
  });
  try {
    const results: ScenarioUsage[] = [];
    // Warm-up, then the measured cases: one at a time, so that nothing of another case runs while one is measured.
    await runWorkload(runtime, tracker, { plan: [...scenarios], perDay: scenarios.length });
    for (const scenario of scenarios) {
      let status = 'unknown';
      let caseId = '';
      let openDays: number | undefined;
      await runWorkload(runtime, tracker, {
        plan: [scenario],
        perDay: 1,
        firstNumber: 1000 + results.length,
        onFinished: (id, _s, state) => {
          caseId = id;
          status = state?.status ?? 'unknown';
          if (state?.closure) openDays = (Date.parse(state.closure.at) - Date.parse(state.filedAt)) / 86_400_000;
        },
      });
      results.push({
        scenario,
        usage: structuredClone(meter.of(caseId) ?? emptyUsage()),
        status,
        ...(openDays !== undefined ? { openDays } : {}),
      });
    }
    return results;
  } finally {
    await runtime.close();
  }
}

/** The usage of an average case of the mix. */
export function mixUsage(shares: Readonly<Record<string, number>>, measured: readonly ScenarioUsage[]): Usage {
  const total = emptyUsage();
  for (const m of measured) addUsage(total, m.usage, shares[m.scenario] ?? 0);
  return total;
}
