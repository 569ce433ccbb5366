/**
 * Stage configuration: the few values that differ between deployments. Everything else is fixed in the
 * constructs. Select a stage with `cdk synth -c stage=<name>` (default `dev`).
 */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CASES_LAYOUT } from '#adapters/dynamodb/tables.ts';
import { ARCHIVE_CLASSES, type ArchiveClass, isArchiveClass, retentionDaysOf } from '#domain/evidence/retention.ts';
import { RULES } from '#domain/rules/table.ts';

const CASES_INDEX_COUNT = CASES_LAYOUT.indexes.length;

export const OBJECT_LOCK_MODES = ['GOVERNANCE', 'COMPLIANCE'] as const;
export type ObjectLockMode = (typeof OBJECT_LOCK_MODES)[number];

/**
 * What happens to the stage's data when its stack is deleted. `retain` (prod, and any stage that does not say):
 * tables, buckets, the key, the user pool, secrets, log groups and state machines stay (RETAIN, deletion
 * protection on). `destroy` (dev): everything goes with the stack, so destroy-then-deploy works; buckets are
 * emptied first, which fails while an evidence version is still under its Object Lock retention.
 */
export const REMOVALS = ['retain', 'destroy'] as const;
export type Removal = (typeof REMOVALS)[number];

export interface StageConfig {
  /** Stage name, part of the stack name (`Enforcement-<stage>`). */
  readonly stage: string;
  /**
   * Prefix of every fixed physical name: functions `<prefix>-<step>`, state machines `<prefix>-<machine>`,
   * buses `<prefix>-intake` / `<prefix>-alerts`. `enforcement` matches the embedded runtime's local ARNs.
   */
  readonly namePrefix: string;
  readonly evidence: {
    /**
     * GOVERNANCE (default) lets a principal with s3:BypassGovernanceRetention remove a locked version;
     * COMPLIANCE does not let anyone, root included, until the retention ends. Choose COMPLIANCE deliberately.
     */
    readonly objectLockMode: ObjectLockMode;
    /** Default retention of every new object version, in days. */
    readonly retentionDays: number;
    /**
     * The court's retention class for enforcement case files (rule ARCHIVE-RETENTION: short 30 years, long 60,
     * permanent), which the archive office sets from the 保管期限表. It times the archive tier and the cost model.
     */
    readonly archiveClass: ArchiveClass;
  };
  /** Retention of every log group (functions and state machines). */
  readonly logRetention: RetentionDays;
  /** Memory of every function, in MB. */
  readonly memorySize: number;
  /** Where alarm notifications go; without it the alarm topic has no subscription. */
  readonly alarmEmail?: string;
  /** Indexes of the cases table to deploy (upgrading an older stack: one more per deployment). @default all */
  readonly casesIndexes?: number;
  /**
   * Prefix of the Cognito hosted sign-in domain of the console (globally unique across AWS).
   * @default `<namePrefix>-<stage>-<first 8 hex digits of the CloudFormation stack id>`, unique per deployment
   */
  readonly signInDomainPrefix?: string;
  readonly removal: Removal;
  /**
   * The region the stack is synthesized for (`-c region=<name>`). A China region (cn-north-1, cn-northwest-1)
   * selects the China profile (infra/china.ts); without it the stack is environment-agnostic, for AWS global.
   */
  readonly region?: string;
  /** The court's OpenID Connect provider: required in the China profile (staff sign-in), unused elsewhere. */
  readonly oidc?: OidcConfig;
  readonly tracing: {
    /**
     * Share of Step Functions executions and staff API requests traced by X-Ray, 0 to 1. 1 (the default): every
     * execution, request and entry-function invocation is traced, as before. Below 1: sampling rules at that rate
     * with no reservoir, and the entry functions traced only when their caller was (infra/constructs/
     * trace-sampling.ts). What is lost: the traces (timings, the service map) of the executions not sampled; their
     * history, logs, metrics, alarms and the case journal are kept. An operator's decision, per stage.
     */
    readonly sampleRate: number;
  };
  readonly api: {
    /** AWS WAF (AWS managed rule groups and a per-address rate limit) in front of the staff API. */
    readonly waf: boolean;
    /** Stage-wide steady requests per second and burst of the staff API (routes may set lower ones). */
    readonly rateLimit: number;
    readonly burstLimit: number;
  };
}

export interface OidcConfig {
  /** The issuer, exactly as in the tokens' `iss` claim (https, its discovery document reachable by API Gateway). */
  readonly issuer: string;
  /** The audience the tokens must carry (the console's client id at the provider). */
  readonly audience: string;
  /** The claim naming the staff directory's user id. @default preferred_username */
  readonly userClaim?: string;
}

/** What a stage states; omitted values take the defaults below. */
export interface StageInput {
  readonly namePrefix?: string;
  readonly evidence: {
    readonly objectLockMode?: ObjectLockMode;
    /** Required: no default, the retention table row for enforcement files is the court's to name. */
    readonly archiveClass?: ArchiveClass;
    /** @default the archive class's years in days (ARCHIVE-RETENTION); required for `permanent` */
    readonly retentionDays?: number;
  };
  readonly logRetention?: RetentionDays;
  readonly memorySize?: number;
  readonly alarmEmail?: string;
  readonly signInDomainPrefix?: string;
  readonly casesIndexes?: number;
  readonly removal?: Removal;
  readonly region?: string;
  readonly oidc?: OidcConfig;
  readonly api?: { readonly waf?: boolean; readonly rateLimit?: number; readonly burstLimit?: number };
  readonly tracing?: { readonly sampleRate?: number };
}

export const DEFAULT_STAGE = 'dev';
export const DEFAULT_NAME_PREFIX = 'enforcement';
export const DEFAULT_OBJECT_LOCK_MODE: ObjectLockMode = 'GOVERNANCE';
export const DEFAULT_LOG_RETENTION = RetentionDays.THREE_MONTHS;
export const DEFAULT_MEMORY_SIZE = 512;
export const DEFAULT_API = { waf: false, rateLimit: 50, burstLimit: 100 } as const;
export const DEFAULT_REMOVAL: Removal = 'retain';
/** Every execution and request traced, as before sampling was a setting. */
export const DEFAULT_TRACE_SAMPLE_RATE = 1;

export const STAGES: Readonly<Record<string, StageInput>> = {
  dev: {
    // Test data: a day's lock, so that `cdk destroy` can empty the evidence bucket a day after the last upload.
    evidence: { archiveClass: 'short', retentionDays: 1 },
    logRetention: RetentionDays.ONE_MONTH,
    removal: 'destroy',
  },
  prod: {
    // Retention is a records-management decision: the archive office confirms the class of enforcement files (保管
    // 期限表) before the first production deployment. Short (30 years) locks each version for 10,958 days.
    evidence: { objectLockMode: 'GOVERNANCE', archiveClass: 'short' },
    logRetention: RetentionDays.ONE_YEAR,
    memorySize: 1024,
    api: { waf: true },
  },
};

export class InvalidStageConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidStageConfigError';
  }
}

/** Applies the defaults and checks the values; a bad stage stops the synth, naming the problem. */
export function resolveStage(stage: string, input: StageInput): StageConfig {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) problems.push(`stage "${stage}" must be 1-20 of a-z, 0-9 and -`);
  const namePrefix = input.namePrefix ?? DEFAULT_NAME_PREFIX;
  // The longest physical name is `<prefix>-record-needs-attention`; Lambda allows 64 characters.
  if (!/^[a-z][a-z0-9-]{0,29}$/.test(namePrefix)) problems.push('namePrefix must be 1-30 of a-z, 0-9 and -');
  const objectLockMode = input.evidence.objectLockMode ?? DEFAULT_OBJECT_LOCK_MODE;
  if (!OBJECT_LOCK_MODES.includes(objectLockMode)) problems.push(`objectLockMode must be one of ${OBJECT_LOCK_MODES}`);
  const { archiveClass } = input.evidence;
  if (!isArchiveClass(archiveClass)) {
    problems.push(
      `evidence.archiveClass is required, one of ${ARCHIVE_CLASSES.join(', ')}: the retention class of the court's ` +
        'enforcement case files (rule ARCHIVE-RETENTION; the 保管期限表 row for 执行 files was not found, so the ' +
        "court's archive office names it)",
    );
  }
  const retentionDays =
    input.evidence.retentionDays ?? (isArchiveClass(archiveClass) ? retentionDaysOf(RULES, archiveClass) : undefined);
  if (retentionDays === undefined && archiveClass === 'permanent') {
    problems.push('evidence.retentionDays is required for a permanent archive class (Object Lock needs an end)');
  } else if (
    retentionDays === undefined ||
    !Number.isInteger(retentionDays) ||
    retentionDays < 1 ||
    retentionDays > 36500
  ) {
    problems.push('evidence.retentionDays must be a whole number of days from 1 to 36500');
  }
  const sampleRate = input.tracing?.sampleRate ?? DEFAULT_TRACE_SAMPLE_RATE;
  if (typeof sampleRate !== 'number' || !(sampleRate >= 0 && sampleRate <= 1))
    problems.push('tracing.sampleRate must be a number from 0 to 1');
  const memorySize = input.memorySize ?? DEFAULT_MEMORY_SIZE;
  if (!Number.isInteger(memorySize) || memorySize < 128 || memorySize > 10240) {
    problems.push('memorySize must be a whole number of MB from 128 to 10240');
  }
  if (input.alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.alarmEmail)) {
    problems.push('alarmEmail must be an e-mail address');
  }
  const domain = input.signInDomainPrefix;
  // Cognito: lower-case letters, digits and hyphens, not starting or ending with a hyphen; no reserved words.
  if (
    domain !== undefined &&
    (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(domain) || /aws|amazon|cognito/.test(domain))
  ) {
    problems.push(
      'signInDomainPrefix must be 1-63 of a-z, 0-9 and - (not at either end), without aws, amazon, cognito',
    );
  }
  const indexes = input.casesIndexes;
  if (indexes !== undefined && (!Number.isInteger(indexes) || indexes < 1 || indexes > CASES_INDEX_COUNT)) {
    problems.push(`casesIndexes must be a whole number from 1 to ${CASES_INDEX_COUNT}`);
  }
  const removal = input.removal ?? DEFAULT_REMOVAL;
  if (!REMOVALS.includes(removal)) problems.push(`removal must be one of ${REMOVALS}`);
  const api = { ...DEFAULT_API, ...input.api };
  for (const [name, value] of [
    ['rateLimit', api.rateLimit],
    ['burstLimit', api.burstLimit],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 10_000) problems.push(`api.${name} must be 1 to 10000`);
  }
  problems.push(...regionProblems(input.region, input.oidc));
  if (problems.length > 0 || retentionDays === undefined || !isArchiveClass(archiveClass))
    throw new InvalidStageConfigError(`stage ${stage}: ${problems.join('; ')}`);
  return {
    stage,
    namePrefix,
    evidence: { objectLockMode, retentionDays, archiveClass },
    logRetention: input.logRetention ?? DEFAULT_LOG_RETENTION,
    memorySize,
    tracing: { sampleRate },
    ...(input.alarmEmail !== undefined ? { alarmEmail: input.alarmEmail } : {}),
    ...(domain !== undefined ? { signInDomainPrefix: domain } : {}),
    ...(indexes !== undefined ? { casesIndexes: indexes } : {}),
    removal,
    ...(input.region !== undefined ? { region: input.region } : {}),
    ...(input.oidc !== undefined ? { oidc: input.oidc } : {}),
    api,
  };
}

/** The AWS China regions: Beijing and Ningxia (partition aws-cn). */
export const CHINA_REGIONS = ['cn-north-1', 'cn-northwest-1'] as const;

export function isChinaRegion(region: string | undefined): boolean {
  return region !== undefined && (CHINA_REGIONS as readonly string[]).includes(region);
}

/** Whether the stage deploys to an AWS China region (the China profile). */
export function isChina(config: StageConfig): boolean {
  return isChinaRegion(config.region);
}

function regionProblems(region: string | undefined, oidc: OidcConfig | undefined): string[] {
  const problems: string[] = [];
  if (region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) problems.push(`region "${region}" is no region`);
  if (oidc !== undefined) {
    if (!/^https:\/\/[^\s?#]+$/.test(oidc.issuer)) problems.push('oidcIssuer must be an https URL without query');
    if (!oidc.audience.trim()) problems.push('oidcAudience must not be empty');
    if (oidc.userClaim !== undefined && !/^[A-Za-z_][\w:.-]{0,63}$/.test(oidc.userClaim))
      problems.push('oidcUserClaim must be a claim name');
  }
  if (isChinaRegion(region) && oidc === undefined) {
    problems.push(
      `${region} has no Cognito user pools: give the court's OpenID Connect provider (-c oidcIssuer=https://… -c oidcAudience=…)`,
    );
  }
  return problems;
}

export function stageConfig(stage: string = DEFAULT_STAGE): StageConfig {
  const input = STAGES[stage];
  if (!input) throw new InvalidStageConfigError(`unknown stage "${stage}"; known: ${Object.keys(STAGES).join(', ')}`);
  return resolveStage(stage, input);
}

/** The context values `cdk synth|deploy -c <name>=<value>` reads, each overriding the stage's value. */
export const CONTEXT_VALUES = [
  'stage',
  'namePrefix',
  'alarmEmail',
  'signInDomainPrefix',
  'casesIndexes',
  'region',
  'oidcIssuer',
  'oidcAudience',
  'oidcUserClaim',
] as const;

/**
 * The stage to synthesize from the CDK context: `stage` picks a known stage, the other CONTEXT_VALUES override it.
 * `context` reads one value (app.node.tryGetContext).
 */
export function stageFromContext(context: (key: string) => unknown): StageConfig {
  const text = (key: string): string | undefined => {
    const value = context(key);
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };
  const stage = text('stage') ?? DEFAULT_STAGE;
  const input = STAGES[stage];
  if (!input) throw new InvalidStageConfigError(`unknown stage "${stage}"; known: ${Object.keys(STAGES).join(', ')}`);
  const namePrefix = text('namePrefix');
  const alarmEmail = text('alarmEmail');
  const signInDomainPrefix = text('signInDomainPrefix');
  const casesIndexes = text('casesIndexes');
  const region = text('region');
  const oidcIssuer = text('oidcIssuer');
  const oidcAudience = text('oidcAudience');
  const oidcUserClaim = text('oidcUserClaim');
  return resolveStage(stage, {
    ...input,
    ...(namePrefix !== undefined ? { namePrefix } : {}),
    ...(alarmEmail !== undefined ? { alarmEmail } : {}),
    ...(signInDomainPrefix !== undefined ? { signInDomainPrefix } : {}),
    ...(casesIndexes !== undefined ? { casesIndexes: Number(casesIndexes) } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(oidcIssuer !== undefined || oidcAudience !== undefined
      ? {
          oidc: {
            issuer: oidcIssuer ?? '',
            audience: oidcAudience ?? '',
            ...(oidcUserClaim !== undefined ? { userClaim: oidcUserClaim } : {}),
          },
        }
      : {}),
  });
}
