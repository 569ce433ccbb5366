/**
 * `enforce cost`: what cases cost on AWS. Runs one case of every scenario of the case mix on an in-memory embedded
 * runtime with the usage meter on (nothing is written to a data directory), prices what each used with the region's
 * list prices and the stage's function memory, and prints the cost per case and per 1,000 cases of the mix.
 */
import { fileURLToPath } from 'node:url';
import { EVIDENCE_TIER_DEFAULTS, mixOpenMonths } from '../cost/evidence.ts';
import {
  type CostAssumptions,
  type CostBreakdown,
  costOf,
  DEFAULT_ASSUMPTIONS,
  type PriceList,
} from '../cost/model.ts';
import { latestPricingFile, loadPrices, PricingError } from '../cost/pricing.ts';
import { LOCAL_TABLES } from '../runtime/local-store.ts';
import { DEFAULT_MIX, InvalidMixError, loadMix } from '../workload/mix.ts';
import { workloadScenario } from '../workload/scenarios.ts';
import type { GlobalOptions } from './options.ts';
import { CliError, type Output, pad } from './output.ts';

export interface CostOptions {
  readonly mix?: string;
  readonly region?: string;
  readonly stage?: string;
  readonly prices?: string;
  readonly perYear?: string;
}

/** The tables that exist on AWS; the runtime's own table stands for what Step Functions keeps. */
export const BILLED_TABLES = [LOCAL_TABLES.cases, LOCAL_TABLES.journal, LOCAL_TABLES.idempotency];

const SERVICE_LABELS: Record<string, string> = {
  'Step Functions': 'Step Functions 状态转换',
  Lambda: 'Lambda 函数',
  DynamoDB: 'DynamoDB 读写',
  SQS: 'SQS 消息',
  EventBridge: 'EventBridge 事件',
  'API Gateway': 'API Gateway 请求',
  S3: 'S3 证据存储与请求',
  'CloudWatch Logs': 'CloudWatch 日志写入',
  'X-Ray': 'X-Ray 追踪',
};

const BASIS_LABELS = { measured: '实测', derived: '实测+假设', assumed: '假设' } as const;

function money(value: number, currency: string): string {
  const symbol = currency === 'USD' ? '$' : currency === 'CNY' ? '¥' : `${currency} `;
  if (value === 0) return `${symbol}0`;
  if (value < 0.01) return `${symbol}${value.toPrecision(3)}`;
  return `${symbol}${value.toFixed(value < 100 ? 4 : 2)}`;
}

function quantity(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value < 1 ? value.toPrecision(3) : value.toFixed(2);
}

export interface CostReport {
  readonly prices: PriceList;
  readonly stage: string;
  readonly memoryMb: number;
  readonly mix: { readonly file: string; readonly shares: Record<string, number>; readonly covered: number };
  readonly pending: readonly { id: string; weight: number; pending: string }[];
  readonly scenarios: readonly {
    id: string;
    label: string;
    status: string;
    perCase: number;
    workflowPerCase: number;
  }[];
  readonly breakdown: CostBreakdown;
  readonly assumptions: CostAssumptions;
  readonly perYear?: { readonly cases: number; readonly cost: number };
  /** For a China region: the same mix priced in the global reference region, beside it. */
  readonly global?: { readonly prices: PriceList; readonly breakdown: CostBreakdown };
}

/** The global region the China figures are shown beside. */
export const GLOBAL_REFERENCE_REGION = 'us-east-1';
const CHINA_REGIONS = new Set(['cn-north-1', 'cn-northwest-1']);

/** Measures and prices the mix: shared by the command and the cost benchmark. */
export async function costReport(options: CostOptions): Promise<CostReport> {
  const region = options.region ?? 'us-east-1';
  const stage = options.stage ?? 'prod';
  let prices: PriceList;
  let mix: ReturnType<typeof loadMix>;
  try {
    prices = loadPrices(region, options.prices ?? latestPricingFile());
    mix = loadMix(options.mix ?? DEFAULT_MIX);
  } catch (error) {
    if (error instanceof PricingError || error instanceof InvalidMixError) throw new CliError(error.message, 2);
    throw error;
  }
  const { stageConfig, InvalidStageConfigError } = await import('../../infra/config.ts');
  let memoryMb: number;
  let traceSampleRate: number;
  try {
    memoryMb = stageConfig(stage).memorySize;
    traceSampleRate = stageConfig(stage).tracing.sampleRate;
  } catch (error) {
    if (error instanceof InvalidStageConfigError) throw new CliError(`未知的部署阶段：${stage}`, 2);
    throw error;
  }
  const { measureScenarios, mixUsage } = await import('../cost/measure.ts');
  const measured = await measureScenarios(Object.keys(mix.shares));
  // How long evidence stays in Standard: the mix's measured time from filing to closure, not an assumption.
  const openMonths = mixOpenMonths(mix.shares, measured);
  const assumptions: CostAssumptions =
    openMonths === undefined
      ? DEFAULT_ASSUMPTIONS
      : { ...DEFAULT_ASSUMPTIONS, evidence: { ...DEFAULT_ASSUMPTIONS.evidence, openMonths } };
  const settings = { memoryMb, billedTables: BILLED_TABLES, assumptions, traceSampleRate };
  const usage = mixUsage(mix.shares, measured);
  const breakdown = costOf(usage, prices, settings);
  const globalPrices = CHINA_REGIONS.has(region)
    ? loadPrices(GLOBAL_REFERENCE_REGION, options.prices ?? latestPricingFile())
    : undefined;
  const perYearCases = options.perYear !== undefined ? Number(options.perYear) : undefined;
  if (perYearCases !== undefined && (!Number.isInteger(perYearCases) || perYearCases < 1))
    throw new CliError(`--per-year 须为正整数：${options.perYear}`, 2);
  return {
    prices,
    stage,
    memoryMb,
    mix: {
      file: options.mix ?? fileURLToPath(DEFAULT_MIX),
      shares: { ...mix.shares },
      covered: mix.covered,
    },
    pending: mix.pending,
    scenarios: measured.map((m) => {
      const cost = costOf(m.usage, prices, settings);
      return {
        id: m.scenario,
        label: workloadScenario(m.scenario)?.label ?? m.scenario,
        status: m.status,
        perCase: cost.perCase,
        workflowPerCase: cost.workflowPerCase,
      };
    }),
    breakdown,
    assumptions,
    ...(perYearCases !== undefined ? { perYear: { cases: perYearCases, cost: breakdown.perCase * perYearCases } } : {}),
    ...(globalPrices ? { global: { prices: globalPrices, breakdown: costOf(usage, globalPrices, settings) } } : {}),
  };
}

export async function costCommand(_globals: GlobalOptions, out: Output, options: CostOptions): Promise<void> {
  out.progress('正在内存中按案件构成逐一运行各场景并计量（不写入数据目录），约需半分钟……');
  const report = await costReport(options);
  const { prices, breakdown } = report;
  const c = prices.currency;
  out.result(report, () => {
    out.line(
      `每案 AWS 费用估算：${prices.regionName}（${prices.region}），价格读取于 ${prices.readAt}（${prices.file}），函数内存 ${report.memoryMb} MB（部署阶段 ${report.stage}）`,
    );
    out.line(
      `案件构成：${report.scenarios.map((s) => `${s.label} ${(100 * (report.mix.shares[s.id] ?? 0)).toFixed(1)}%`).join('，')}`,
    );
    if (report.pending.length > 0)
      out.line(
        `尚未实现、未计入的场景：${report.pending.map((p) => `${p.id}（${p.pending}）`).join('，')}；已计入场景占构成文件权重的 ${(100 * report.mix.covered).toFixed(0)}%`,
      );
    out.line('');
    out.line(`${pad('各场景每案费用', 36)}${pad('结束状态', 24)}${pad('费用', 14)}不含现场证据`);
    for (const s of report.scenarios)
      out.line(`${pad(s.label, 36)}${pad(s.status, 24)}${pad(money(s.perCase, c), 14)}${money(s.workflowPerCase, c)}`);
    out.line('');
    out.line(`${pad('服务与项目', 60)}${pad('每案数量', 22)}${pad('每案费用', 14)}${pad('每千案', 12)}依据`);
    for (const l of breakdown.lines) {
      const flag =
        l.unitPrice === null ? '（未找到单价，未计入）' : prices.prices[l.price]?.verify ? '（单价待核实）' : '';
      out.line(
        `${pad(`${SERVICE_LABELS[l.service] ?? l.service}：${l.item}`, 60)}${pad(`${quantity(l.quantity)} ${l.unit}`, 22)}${pad(money(l.cost, c), 14)}${pad(money(l.cost * 1000, c), 12)}${BASIS_LABELS[l.basis]}${flag}`,
      );
    }
    out.line('');
    const partial = breakdown.unpriced.length > 0 ? '（仅已知单价部分）' : '';
    out.line(`合计${partial}：每案 ${money(breakdown.perCase, c)}，每千案 ${money(breakdown.perThousand, c)}`);
    out.line(
      `其中流程、函数、数据表、消息与日志（不含现场证据）：每案 ${money(breakdown.workflowPerCase, c)}，每千案 ${money(breakdown.workflowPerCase * 1000, c)}`,
    );
    if (breakdown.unpriced.length > 0)
      out.line(
        `注意：价格文件中 ${prices.region} 缺少以下单价（来源中未找到），上述合计未计入、仅为下限：${breakdown.unpriced.join('、')}`,
      );
    if (report.global) {
      const g = report.global;
      out.line(
        `对照（全球区域 ${g.prices.regionName}，${g.prices.currency}）：每案 ${money(g.breakdown.perCase, g.prices.currency)}，每千案 ${money(g.breakdown.perThousand, g.prices.currency)}`,
      );
    }
    if (report.perYear)
      out.line(`按每年 ${report.perYear.cases} 件计：每年约 ${money(report.perYear.cost, c)}（不含固定月费，见说明）`);
    const a = report.assumptions;
    out.line('');
    out.line('假设（无法在本机实测的部分）：');
    out.line(
      `  每次 AWS 请求在函数内增加 ${a.awsRequestMs} 毫秒；${a.coldStartShare * 100}% 的调用为冷启动，初始化计费 ${a.initMs} 毫秒`,
    );
    out.line(
      `  日志：Lambda 平台日志每次调用 ${a.lambdaPlatformLogBytes} 字节，Step Functions 每次状态转换 ${a.stepFunctionsLogBytesPerTransition} 字节；每条协助单位答复 ${a.sqsRequestsPerMessage} 次 SQS 请求`,
    );
    out.line(
      `  现场证据：每案 ${a.evidence.filesPerCase} 件、平均 ${a.evidence.averageMiB} MiB、保存 ${a.evidence.retentionMonths} 个月（诉讼档案短期保管）、每件查看 ${a.evidence.viewsPerFile} 次`,
    );
    if (a.evidence.storage !== 'standard') {
      const open = a.evidence.openMonths ?? EVIDENCE_TIER_DEFAULTS.openMonths;
      const restore = a.evidence.restoreShare ?? EVIDENCE_TIER_DEFAULTS.restoreShare;
      const views = a.evidence.viewsInInstantRetrieval ?? EVIDENCE_TIER_DEFAULTS.viewsInInstantRetrieval;
      out.line(
        `  证据分层存储：结案前在标准存储约 ${open.toFixed(1)} 个月（${a.evidence.openMonths === undefined ? '假设' : '按各场景实测的立案至结案时间加权'}），结案后转即时检索层、上传满一年转深度归档；结案后每件查看 ${views} 次，${(restore * 100).toFixed(0)}% 的证据从深度归档恢复一次`,
      );
    }
    out.line('  不含：与案件数无关的固定月费（KMS 密钥、WAF、告警、Cognito 用户）、免费额度、数据传出、DynamoDB 存储');
    out.line('单价标注“待核实”者取自二手资料或通行价目，部署前请以 AWS 价格页为准。');
    out.line('');
    out.line(`单价及来源（${prices.file}，${prices.region} 读取于 ${prices.readAt}）：`);
    for (const [key, item] of Object.entries(prices.prices)) {
      const price = item.price === null ? '未找到' : `${money(item.price, c)}`;
      out.line(`  ${key}：${price} / ${item.unit}；来源：${item.source}`);
    }
  });
}
