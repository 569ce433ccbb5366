/**
 * The paths a case can take, as workload for the lifecycle benchmark and the cost model. A scenario is one entry:
 * what the outside world knows of its respondent (the SIMULATOR's script) and what the respondent and staff do as
 * the case goes on (its actor behaviour). Approvals are always decided, through the staff API, by whoever holds the
 * role they need (see driver.ts); a scenario only adds what else people do.
 *
 * Adding a scenario: add an entry here, and its weight in config/workload/mix.json.
 */
import type { CourtScript, RespondentScript } from '#adapters/simulators/partner-simulator.ts';
import { chinaDateOf } from '#domain/calendar/local-date.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import type { CaseStatus } from '#domain/case/status.ts';
import { outstandingFen } from '#domain/control/plan.ts';
import type { EmbeddedRuntime } from '../runtime/runtime.ts';

export interface ActContext {
  readonly runtime: EmbeddedRuntime;
  /** The case as of its last commit. */
  readonly state: EnforcementCase;
  /** Whole virtual days since the case was filed. */
  readonly day: number;
  /** What the actor has already done in this case. */
  readonly done: Set<string>;
}

export interface WorkloadScenario {
  readonly id: string;
  /** Staff-facing name. */
  readonly label: string;
  /** The respondent's ID number: the simulator's script is keyed by it (one respondent per scenario). */
  readonly respondentId: string;
  readonly respondent: RespondentScript;
  readonly courts?: Readonly<Record<string, CourtScript>>;
  /** What the respondent and staff do on a day of the case, besides deciding approvals. */
  readonly act?: (context: ActContext) => Promise<void>;
  /** Where the case ends up; a case stops being driven when it reaches any of these. */
  readonly ends: readonly CaseStatus[];
}

const ELSEWHERE = { code: 'HL0123', name: '黑龙江省某县人民法院' };

/** Paying in full: what is owed on the runtime's day, the late-performance interest and the execution fee included. */
function owedNow(runtime: EmbeddedRuntime, state: EnforcementCase): number {
  return outstandingFen(state, chinaDateOf(runtime.clock.now()));
}

async function ok(result: Promise<{ ok: boolean; message?: string }>, what: string): Promise<void> {
  const outcome = await result;
  if (!outcome.ok) throw new Error(`${what}: ${outcome.message ?? 'refused'}`);
}

export const WORKLOAD_SCENARIOS: readonly WorkloadScenario[] = [
  {
    id: 'paid-after-notice',
    label: '送达后主动履行',
    respondentId: '130922199001010102',
    respondent: {
      eService: 'ok',
      assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0101', balanceFen: 8_000_000 }],
    },
    // The respondent pays in full two days after filing, once the notice is served.
    act: async ({ runtime, state, day, done }) => {
      if (day < 2 || done.has('paid') || state.ledger.length > 0) return;
      done.add('paid');
      await ok(runtime.pay(state.caseId, owedNow(runtime, state), `workload-${state.caseId}-paid`), 'pay');
    },
    ends: ['closed'],
  },
  {
    id: 'frozen-deducted',
    label: '查控冻结扣划',
    respondentId: '130922199001010209',
    respondent: {
      eService: 'ok',
      assets: [
        { channel: 'icbc', class: 'deposit', reference: '6222 **** 0202', balanceFen: 8_000_000 },
        { channel: 'alipay', class: 'online-funds', reference: 'alipay:****0202', balanceFen: 312_000 },
      ],
      silentChannels: ['psbc'],
    },
    ends: ['closed'],
  },
  {
    id: 'coercion-referral',
    label: '强制措施与拒执罪移送后履行',
    respondentId: '130922199001010305',
    respondent: {
      eService: 'ok',
      assetReport: 'silent',
      freeze: 'failed',
      assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0303', balanceFen: 8_000_000 }],
    },
    // As the demo's referral scenario: the officer records hidden assets; once the police open a case, the
    // respondent pays in full (the police answer by the simulator's default: case opened).
    act: async ({ runtime, state, done }) => {
      if (state.status === 'coercing' && !done.has('conduct') && state.conduct.length === 0) {
        done.add('conduct');
        await ok(
          runtime.conduct({
            caseId: state.caseId,
            userId: state.officer ?? '',
            conduct: 'assets-hidden',
            note: '冻结前将存款转至亲属账户',
          }),
          'conduct',
        );
      }
      if (state.coercion?.referral?.status === 'opened' && !done.has('paid') && state.ledger.length === 0) {
        done.add('paid');
        await ok(runtime.pay(state.caseId, owedNow(runtime, state), `workload-${state.caseId}-paid`), 'pay');
      }
    },
    ends: ['closed'],
  },
  {
    id: 'final-closure',
    label: '无财产可供执行，终结本次执行程序',
    respondentId: '130922199001010401',
    respondent: { eService: 'ok', assets: [] },
    // The measures run out; the 终本 review waits for G2's three months, hears the applicant (who agrees, by the
    // simulator's default) and the bureau chief approves; the re-query watch then runs every 6 months.
    ends: ['closed'],
  },
  {
    id: 'auction',
    label: '查封本地房产，网络司法拍卖成交',
    respondentId: '130922199001010604',
    respondent: {
      eService: 'ok',
      assets: [
        { channel: 'icbc', class: 'deposit', reference: '6222 **** 0606', balanceFen: 500_000 },
        {
          channel: 'real-estate-registry',
          class: 'real-estate',
          reference: '冀(2021)青县不动产权第0606号',
          valueFen: 9_000_000,
        },
      ],
    },
    // Priced, terms set by the panel, announced, sold at the first auction, paid, disbursed, closed.
    ends: ['closed'],
  },
  {
    id: 'entrustment',
    label: '异地不动产委托查封后拍卖',
    respondentId: '130922199001010508',
    respondent: {
      eService: 'ok',
      assets: [
        { channel: 'icbc', class: 'deposit', reference: '6222 **** 0505', balanceFen: 1_000_000 },
        {
          channel: 'real-estate-registry',
          class: 'real-estate',
          reference: '黑(2019)某县不动产权第0505号',
          region: '黑龙江省某县',
          locatedCourt: ELSEWHERE,
          valueFen: 9_000_000,
        },
      ],
    },
    courts: { [ELSEWHERE.code]: { entrustment: 'completed', afterDays: 15 } },
    ends: ['closed'],
  },
];

export function workloadScenario(id: string): WorkloadScenario | undefined {
  return WORKLOAD_SCENARIOS.find((s) => s.id === id);
}
