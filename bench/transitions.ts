/**
 * Billed Step Functions state transitions per case, per state machine: the demo's flagship case (played as
 * `npm run demo` plays it, on the embedded runtime's billing counter) and one case of each scenario of the workload
 * mix, with the mix's weighted average. The counts are deterministic: the same definitions give the same numbers.
 *
 *   node bench/transitions.ts
 */
import type { SimulatorScript } from '#adapters/simulators/partner-simulator.ts';
import { DEMO_START, demoFile, playCase } from '../local/cli/demo.ts';
import type { Output } from '../local/cli/output.ts';
import { measureScenarios } from '../local/cost/measure.ts';
import { EmbeddedRuntime } from '../local/runtime/runtime.ts';
import { emptyUsage, UsageMeter } from '../local/runtime/usage.ts';
import { loadMix } from '../local/workload/mix.ts';

const silent: Output = { json: true, line: () => undefined, progress: () => undefined, result: () => undefined };

const sum = (tally: Readonly<Record<string, number>>) => Object.values(tally).reduce((a, b) => a + b, 0);

export interface TransitionCounts {
  readonly flagship: { readonly total: number; readonly perMachine: Readonly<Record<string, number>> };
  readonly scenarios: readonly { readonly scenario: string; readonly share: number; readonly total: number }[];
  readonly mixAverage: number;
}

async function flagship(): Promise<{ total: number; perMachine: Record<string, number> }> {
  const meter = new UsageMeter();
  const runtime = await EmbeddedRuntime.open({
    clock: 'virtual',
    startAt: DEMO_START,
    script: demoFile('flagship-world.json') as SimulatorScript,
    logSink: () => undefined,
    meter,
  });
  try {
    const intake = await runtime.intake(demoFile('traffic-accident.event.json'));
    if (intake.outcome !== 'created') throw new Error(`flagship intake: ${JSON.stringify(intake)}`);
    await playCase(runtime, silent, 'flagship', intake.caseId);
    const state = await runtime.cases.load(intake.caseId);
    if (state?.status !== 'closed') throw new Error(`flagship ended ${state?.status}, not closed`);
    const perMachine = { ...(meter.of(intake.caseId) ?? emptyUsage()).transitions };
    return { total: sum(perMachine), perMachine };
  } finally {
    await runtime.close();
  }
}

export async function transitionCounts(): Promise<TransitionCounts> {
  const mix = loadMix();
  const shares = mix.shares;
  const measured = await measureScenarios(Object.keys(shares));
  const scenarios = measured.map((m) => ({
    scenario: m.scenario,
    share: shares[m.scenario] ?? 0,
    total: sum(m.usage.transitions),
  }));
  const mixAverage = scenarios.reduce((a, s) => a + s.share * s.total, 0);
  return { flagship: await flagship(), scenarios, mixAverage: Math.round(mixAverage * 100) / 100 };
}

if (import.meta.main) console.log(JSON.stringify(await transitionCounts(), null, 2));
