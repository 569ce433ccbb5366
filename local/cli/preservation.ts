/**
 * 诉执衔接 and the time limit for applying (A12), as staff use them: a preservation ruling submitted as the preservation
 * center's event; the court's preservations listed; a respondent's objection on the time limit registered and ruled
 * on, through the staff API (the running server's, or in process).
 */
import { formatYuan } from '#domain/money.ts';
import { staffRequest, withApi } from './api-client.ts';
import { CliError, type Output } from './output.ts';
import { type GlobalOptions, readJsonFile, withRuntime } from './session.ts';

const STATUS_LABELS = { held: '待立案执行', carried: '已转入执行案件', ended: '已失效或解除' } as const;
const KIND_LABELS = {
  'pre-litigation': '诉前保全',
  'in-litigation': '诉中保全',
  'pre-enforcement': '执行前保全',
} as const;
const CLASS_LABELS = {
  deposit: '存款',
  'online-funds': '网络资金',
  'real-estate': '不动产',
  vehicle: '车辆',
  securities: '证券',
} as const;

interface PreservationView {
  readonly preservationId: string;
  readonly rulingNumber: string;
  readonly kind: keyof typeof KIND_LABELS;
  readonly ruledOn: string;
  readonly status: keyof typeof STATUS_LABELS;
  readonly earliestExpiry?: string;
  readonly alertedFor?: string;
  readonly carriedInto?: { readonly caseNumber: string };
  readonly seizures: readonly {
    readonly seizureId: string;
    readonly class: keyof typeof CLASS_LABELS;
    readonly institution: string;
    readonly reference: string;
    readonly amountFen: number;
    readonly seizedOn: string;
    readonly expiresOn: string;
    readonly status: 'held' | 'lifted';
  }[];
}

/** `enforce preservation submit <event.json>`: the preservation center's event, through intake. */
export async function submitCommand(globals: GlobalOptions, out: Output, file: string): Promise<void> {
  const event = readJsonFile(file);
  await withRuntime(globals, out, async (runtime) => {
    const outcome = await runtime.preservation(event);
    out.result(outcome, () => {
      if (outcome.outcome === 'recorded')
        out.line(`已登记保全裁定（${outcome.preservationId}），待同一当事人的执行案件立案后自动转入`);
      if (outcome.outcome === 'updated') out.line(`已按新版本更新保全裁定（${outcome.preservationId}）`);
      if (outcome.outcome === 'duplicate')
        out.line(`保全裁定已登记过或已转入执行案件（${outcome.preservationId}），未作改动`);
    });
    if (outcome.outcome === 'rejected')
      throw new CliError(`保全事件被拒收（事件 ${outcome.eventId}）：${outcome.reasons.join('；')}`);
  });
}

/** `enforce preservation list [--status held|carried|ended] --as <user>` */
export async function listCommand(
  globals: GlobalOptions,
  out: Output,
  options: { as: string; status?: string },
): Promise<void> {
  await withApi(globals, out, options.as, async ({ call }) => {
    const query = options.status ? `?status=${encodeURIComponent(options.status)}` : '';
    const listed = await call<{ court: string; preservations: PreservationView[] }>('GET', `/preservations${query}`);
    out.result(listed, () => {
      if (listed.preservations.length === 0) out.line('没有保全裁定');
      for (const p of listed.preservations) {
        const next = p.earliestExpiry ? `，最早于${p.earliestExpiry}到期` : '';
        const told = p.alertedFor ? `，已提示指挥中心（${p.alertedFor}到期）` : '';
        const into = p.carriedInto ? `：${p.carriedInto.caseNumber}` : '';
        out.line(
          `${p.rulingNumber}  ${KIND_LABELS[p.kind]}  ${p.ruledOn}裁定  ${STATUS_LABELS[p.status]}${into}${next}${told}`,
        );
        for (const s of p.seizures) {
          const amount = s.amountFen > 0 ? ` ${formatYuan(s.amountFen as never)}` : '';
          out.line(
            `  ${s.seizureId} ${s.institution}${CLASS_LABELS[s.class]} ${s.reference}${amount}  ${s.seizedOn}至${s.expiresOn}${s.status === 'lifted' ? '（已解除）' : ''}`,
          );
        }
      }
    });
  });
}

/** `enforce limitation-objection raise <case> --respondent <partyId> --received-on <date> --as <user>` */
export async function raiseCommand(
  globals: GlobalOptions,
  out: Output,
  caseId: string,
  options: { as: string; respondent: string; receivedOn: string; note?: string },
): Promise<void> {
  const body = {
    respondentId: options.respondent,
    receivedOn: options.receivedOn,
    ...(options.note ? { note: options.note } : {}),
  };
  await staffRequest<{ objectionId: string; lastDay: string; within: boolean }>(
    globals,
    out,
    options.as,
    { method: 'POST', path: `/cases/${encodeURIComponent(caseId)}/limitation-objections`, body },
    '未能登记执行时效异议',
    (result) => [
      `已登记执行时效异议 ${result.objectionId}：申请执行期间至${result.lastDay}，本案申请${result.within ? '在期间内' : '已超过期间'}，待合议庭成员裁定（A12）`,
    ],
  );
}

/** `enforce objection rule <case> <objection> upheld|dismissed --reason <text> [--interrupted-on <date>] --as <user>` */
export async function ruleCommand(
  globals: GlobalOptions,
  out: Output,
  caseId: string,
  objectionId: string,
  outcome: string,
  options: { as: string; reason: string; interruptedOn?: string },
): Promise<void> {
  if (outcome !== 'upheld' && outcome !== 'dismissed')
    throw new CliError(`未知的裁定结果：${outcome}（可选：upheld（异议成立）、dismissed（驳回异议））`, 2);
  const path = `/cases/${encodeURIComponent(caseId)}/limitation-objections/${encodeURIComponent(objectionId)}/ruling`;
  const body = {
    outcome,
    reason: options.reason,
    ...(options.interruptedOn ? { interruptedOn: options.interruptedOn } : {}),
  };
  await staffRequest<{ status: string }>(
    globals,
    out,
    options.as,
    { method: 'POST', path, body },
    '未能裁定执行时效异议',
    (result) => [
      result.status === 'upheld' ? '异议成立，裁定不予执行；请承办人依法办理结案' : '异议不成立，裁定驳回，继续执行',
    ],
  );
}

/** `enforce party-change submit <event.json>`: the filing system's application to add or change a respondent. */
export async function partyChangeSubmitCommand(globals: GlobalOptions, out: Output, file: string): Promise<void> {
  const event = readJsonFile(file);
  await withRuntime(globals, out, async (runtime) => {
    const outcome = await runtime.partyChange(event);
    out.result(outcome, () => {
      if (outcome.outcome === 'recorded')
        out.line(
          `已登记变更、追加被执行人申请 ${outcome.applicationId}（案件 ${outcome.caseId}），应于60日内审查裁定（V1）`,
        );
      if (outcome.outcome === 'duplicate') out.line(`该申请已登记（${outcome.applicationId}），未重复登记`);
    });
    if (outcome.outcome === 'rejected')
      throw new CliError(`申请事件被拒收（事件 ${outcome.eventId}）：${outcome.reasons.join('；')}`);
  });
}

interface PartyChangeResult {
  readonly status: string;
  readonly challengeBy?: string;
  readonly challengeRoute?: 'reconsideration' | 'lawsuit';
  readonly final?: 'granted' | 'rejected';
  /** The run started for the joined respondent (service, or the inquiry that waited). */
  readonly started?: string;
}

/** `enforce party-change rule|challenge|final <case> <application> ...` through the staff API. */
export async function partyChangeActCommand(
  globals: GlobalOptions,
  out: Output,
  act: 'ruling' | 'challenge' | 'final',
  caseId: string,
  applicationId: string,
  options: { as: string; outcome?: string; reason?: string; servedOn?: string; filedOn?: string },
): Promise<void> {
  const body =
    act === 'ruling'
      ? { outcome: options.outcome, reason: options.reason, servedOn: options.servedOn }
      : act === 'challenge'
        ? { filedOn: options.filedOn }
        : {
            ...(options.outcome ? { outcome: options.outcome } : {}),
            ...(options.reason ? { reason: options.reason } : {}),
          };
  const path = `/cases/${encodeURIComponent(caseId)}/party-changes/${encodeURIComponent(applicationId)}/${act}`;
  await staffRequest<PartyChangeResult>(
    globals,
    out,
    options.as,
    { method: 'POST', path, body },
    '未能办理变更、追加申请',
    (result) => {
      if (act === 'ruling')
        return [
          `已裁定并送达；当事人可于${result.challengeBy}前${result.challengeRoute === 'lawsuit' ? '提起执行异议之诉' : '向上一级法院申请复议'}`,
        ];
      if (act === 'challenge') return ['已登记复议申请或执行异议之诉，待其结果'];
      if (result.final !== 'granted') return ['申请最终未获支持'];
      return [
        '裁定生效：被申请人已列为本案被执行人',
        ...(result.started
          ? [`已对其启动送达、网络查控和控制（流程 ${result.started}）`]
          : ['未另行启动程序：首次送达、查控尚未完成的一并覆盖该被执行人，已结案的不再执行']),
      ];
    },
  );
}
