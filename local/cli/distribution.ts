/**
 * The disputes inside enforcement as staff work them, through the staff API (issue 14): `enforce distribution …`
 * (参与分配), `enforce suspension …` (中止执行, 暂缓执行 with 执行担保), `enforce reversal` (执行回转), and
 * `enforce disputes` (the command center's list of dispute windows about to run out). Amounts in yuan on the
 * command line, fen on the wire.
 */
import type { Command } from 'commander';
import type { EnforcementCase } from '#domain/case/model.ts';
import { formatYuan } from '#domain/money.ts';
import type { GlobalOptions } from './options.ts';
import { CliError, type Output, parseYuan } from './output.ts';

type Globals = () => GlobalOptions;
type Out = () => Output;
type Helped = (command: Command) => Command;

interface Share {
  readonly creditorId: string;
  readonly amountFen: number;
  readonly kind: string;
}

async function act(
  globals: GlobalOptions,
  out: Output,
  as: string,
  request: { method: 'GET' | 'POST'; path: (caseId: string) => string; body?: unknown },
  reference: string | undefined,
  failure: string,
  describe: (result: Record<string, unknown>) => string[],
): Promise<void> {
  // Loaded on use: `enforce --help` does not wait for the API client and the runtime behind it.
  const { caseIdOf } = await import('./closure.ts');
  const { staffRequest } = await import('./api-client.ts');
  const caseId = reference ? await caseIdOf(reference, as) : '';
  const { method, path, body } = request;
  await staffRequest(globals, out, as, { method, path: path(caseId), body }, failure, describe);
}

interface Funds {
  readonly deductionFen: number;
  readonly saleFen: number;
  readonly paidInFen: number;
  readonly availableFen: number;
}

function planLines(
  plan: { shares?: Share[]; costsFen?: number; refundFen?: number; funds?: Funds } | undefined,
): string[] {
  if (!plan) return [];
  const f = plan.funds;
  return [
    ...(f
      ? [
          `可供分配：${formatYuan(f.availableFen as never)}（扣划存款${formatYuan(f.deductionFen as never)}，拍卖、变卖所得${formatYuan(f.saleFen as never)}，交付执行款${formatYuan(f.paidInFen as never)}）`,
        ]
      : []),
    `执行费用：${formatYuan((plan.costsFen ?? 0) as never)}`,
    ...(plan.shares ?? []).map(
      (s) => `  ${s.creditorId}  ${s.kind === 'priority' ? '优先受偿' : '按比例'}  ${formatYuan(s.amountFen as never)}`,
    ),
    ...(plan.refundFen ? [`退还被执行人：${formatYuan(plan.refundFen as never)}`] : []),
  ];
}

function distributionCommands(cli: Command, helped: Helped, globals: Globals, out: Out): void {
  const group = helped(
    cli
      .command('distribution')
      .description('参与分配（民诉法解释第五百零六条至第五百一十条）：申请、分配方案、异议、起诉、判决'),
  );
  const base = (name: string, description: string) =>
    helped(group.command(name).description(description).argument('<case>', '持有执行款的案件：案号或内部编号'));
  base('apply', '记录其他债权人参与分配的申请（须在执行款发放前；待审批的发放即撤回）')
    .requiredOption('--name <name>', '债权人名称')
    .requiredOption('--claim <yuan>', '债权数额（元）')
    .requiredOption('--title <document>', '执行依据或优先权依据')
    .option('--priority', '对查封财产享有优先受偿权或担保物权')
    .option('--case-number <number>', '债权人在本院的执行案件案号（同一被执行人）')
    .requiredOption('--as <user>', '承办人用户名')
    .action(async (reference: string, o) =>
      act(
        globals(),
        out(),
        o.as,
        {
          method: 'POST',
          path: (id) => `/cases/${id}/distribution/applications`,
          body: {
            name: o.name,
            claimFen: parseYuan(o.claim),
            title: o.title,
            priority: o.priority === true,
            ...(o.caseNumber ? { caseNumber: o.caseNumber } : {}),
          },
        },
        reference,
        '未记录参与分配申请',
        (r) => [`已记录参与分配申请：债权人编号 ${String(r.creditorId)}，共${String(r.creditors)}名债权人申请`],
      ),
    );
  base('plan', '制作财产分配方案：执行费用、优先受偿、普通债权按比例（到分）')
    .option('--costs <yuan>', '执行费用（元，不超过本案尚未收取的申请执行费）')
    .requiredOption('--as <user>', '承办人用户名')
    .action(async (reference: string, o) =>
      act(
        globals(),
        out(),
        o.as,
        {
          method: 'POST',
          path: (id) => `/cases/${id}/distribution/plan`,
          body: { costsFen: o.costs ? parseYuan(o.costs) : 0 },
        },
        reference,
        '未制作分配方案',
        (r) => ['已制作分配方案，待执行局局长签发：', ...planLines(r.plan as never)],
      ),
    );
  base('serve', '执行局局长签发分配方案并送达各债权人和被执行人，异议期间十五日')
    .requiredOption('--as <user>', '执行局局长用户名（不得为方案制作人）')
    .action(async (reference: string, o) =>
      act(
        globals(),
        out(),
        o.as,
        { method: 'POST', path: (id) => `/cases/${id}/distribution/serve`, body: {} },
        reference,
        '未签发分配方案',
        (r) => [`分配方案已送达，异议期间至${String(r.objectBy)}`],
      ),
    );
  base('object', '记录对分配方案的书面异议（十五日内）')
    .requiredOption('--by <creditor>', '异议人（债权人编号）')
    .requiredOption('--against <creditor>', '被异议的债权人编号')
    .requiredOption('--claim <yuan>', '异议人主张的该债权数额（元）')
    .requiredOption('--reason <text>', '异议理由')
    .requiredOption('--as <user>', '承办人用户名')
    .action(async (reference: string, o) =>
      act(
        globals(),
        out(),
        o.as,
        {
          method: 'POST',
          path: (id) => `/cases/${id}/distribution/objection`,
          body: { by: o.by, against: o.against, claimFen: parseYuan(o.claim), reason: o.reason },
        },
        reference,
        '未记录异议',
        (r) => [`已记录异议并通知其他债权人，反对意见期间至${String(r.opposeBy)}`],
      ),
    );
  base('oppose', '记录对异议的反对意见（十五日内）')
    .requiredOption('--by <creditor>', '提出反对意见的债权人编号')
    .requiredOption('--as <user>', '承办人用户名')
    .action(async (reference: string, o) =>
      act(
        globals(),
        out(),
        o.as,
        { method: 'POST', path: (id) => `/cases/${id}/distribution/opposition`, body: { by: o.by } },
        reference,
        '未记录反对意见',
        (r) => [`已记录反对意见并通知异议人，起诉期间至${String(r.sueBy)}`],
      ),
    );
  base('suit', '异议人已起诉：提存争议款项，分配无争议部分')
    .requiredOption('--as <user>', '承办人用户名')
    .action(async (reference: string, o) =>
      act(
        globals(),
        out(),
        o.as,
        { method: 'POST', path: (id) => `/cases/${id}/distribution/suit`, body: {} },
        reference,
        '未记录起诉',
        (r) => [`已提存争议款项，发放${String(r.paid)}笔，账户余额${formatYuan(Number(r.balanceFen) as never)}`],
      ),
    );
  base('judgment', '记录分配方案异议之诉的判决，提存款项按判决分配')
    .requiredOption('--upheld <plan>', 'original（维持原方案）或 revised（支持异议）')
    .requiredOption('--judgment <number>', '判决书案号')
    .requiredOption('--as <user>', '承办人用户名')
    .action(async (reference: string, o) => {
      if (o.upheld !== 'original' && o.upheld !== 'revised')
        throw new CliError('--upheld 只能是 original 或 revised', 2);
      await act(
        globals(),
        out(),
        o.as,
        {
          method: 'POST',
          path: (id) => `/cases/${id}/distribution/judgment`,
          body: { upheld: o.upheld, judgment: o.judgment },
        },
        reference,
        '未记录判决',
        (r) => [`已按判决分配，发放${String(r.paid)}笔，账户余额${formatYuan(Number(r.balanceFen) as never)}`],
      );
    });
  base('advance', '期间届满无人提出异议（或反对意见、起诉）：按规则分配')
    .requiredOption('--as <user>', '承办人用户名')
    .action(async (reference: string, o) =>
      act(
        globals(),
        out(),
        o.as,
        { method: 'POST', path: (id) => `/cases/${id}/distribution/advance`, body: {} },
        reference,
        '未能处理',
        (r) => [
          Number(r.paid) > 0 ? `已发放${String(r.paid)}笔` : '没有到期需处理的事项',
          `账户余额${formatYuan(Number(r.balanceFen) as never)}`,
        ],
      ),
    );
}

function suspensionCommands(cli: Command, helped: Helped, globals: Globals, out: Out): void {
  const group = helped(
    cli
      .command('suspension')
      .helpCommand(false)
      .description('中止执行（民事诉讼法第二百六十七条）与暂缓执行（执行担保，第二百四十二条）'),
  );
  const base = (name: string, description: string) =>
    helped(group.command(name).description(description).argument('<case>', '案号或案件内部编号'));
  const post = (reference: string, as: string, path: string, body: unknown, failure: string, done: string) =>
    act(globals(), out(), as, { method: 'POST', path: (id) => `/cases/${id}${path}`, body }, reference, failure, () => [
      done,
    ]);
  base('propose', '提请中止执行：事由见 enforce rules（SUSPENSION）')
    .requiredOption('--ground <ground>', '中止事由')
    .requiredOption('--note <text>', '情况说明')
    .requiredOption('--as <user>', '承办人用户名')
    .action(async (reference: string, o) =>
      post(
        reference,
        o.as,
        '/suspension',
        { kind: 'suspension', ground: o.ground, note: o.note },
        '未提请中止执行',
        '已提请中止执行，待执行局局长裁定',
      ),
    );
  base('defer', '提请暂缓执行（执行担保，须申请执行人同意，最长一年）')
    .requiredOption('--until <date>', '暂缓执行至（日期）')
    .requiredOption('--guarantor <name>', '担保人')
    .requiredOption('--form <form>', 'surety（保证）或 property（财产担保）')
    .requiredOption('--amount <yuan>', '担保数额（元）')
    .option('--period-months <n>', '担保期间（月，自暂缓执行期限届满起；不填为一年）')
    .option('--applicant-consent', '申请执行人已书面同意')
    .requiredOption('--note <text>', '情况说明')
    .requiredOption('--as <user>', '承办人用户名')
    .action(async (reference: string, o) =>
      post(
        reference,
        o.as,
        '/suspension',
        {
          kind: 'deferral',
          note: o.note,
          until: o.until,
          guarantor: o.guarantor,
          form: o.form,
          amountFen: parseYuan(o.amount),
          applicantConsent: o.applicantConsent === true,
          ...(o.periodMonths ? { periodMonths: Number(o.periodMonths) } : {}),
        },
        '未提请暂缓执行',
        '已提请暂缓执行，待执行局局长决定',
      ),
    );
  base('rule', '执行局局长裁定（决定）中止或暂缓执行')
    .argument('<decision>', 'approved（批准）或 rejected（不予批准）')
    .option('--reason <text>', '理由（不予批准须填）')
    .requiredOption('--as <user>', '执行局局长用户名（不得为提请人）')
    .action(async (reference: string, decision: string, o) =>
      post(
        reference,
        o.as,
        '/suspension/ruling',
        { decision, ...(o.reason ? { reason: o.reason } : {}) },
        '未作出裁定',
        decision === 'approved' ? '已裁定，执行措施停止，期间不计入执行期限' : '已不予批准',
      ),
    );
  base('lift', '恢复执行：中止的情形消失，执行期限顺延停止的天数')
    .requiredOption('--reason <text>', '恢复执行的理由')
    .requiredOption('--as <user>', '承办人用户名')
    .action(async (reference: string, o) =>
      post(reference, o.as, '/suspension/lift', { reason: o.reason }, '未恢复执行', '已恢复执行'),
    );
  base('guarantee', '暂缓执行期限届满仍不履行：恢复执行，执行担保财产或保证人的财产')
    .requiredOption('--as <user>', '承办人用户名')
    .action(async (reference: string, o) =>
      post(reference, o.as, '/suspension/guarantee', {}, '未能执行担保', '已恢复执行，执行担保财产或保证人的财产'),
    );
}

const STAGES: Record<string, string> = {
  applying: '申请中',
  planned: '分配方案待签发',
  served: '分配方案已送达，异议期间',
  objected: '有异议，待反对意见',
  opposed: '有反对意见，待起诉',
  suing: '分配方案异议之诉进行中',
  paid: '已分配',
};
const SUSPENSION_STATUSES: Record<string, string> = {
  proposed: '待裁定',
  rejected: '不予批准',
  'in-force': '生效中',
  resumed: '已恢复执行',
  defaulted: '期满未履行，已执行担保',
};

/** The case's disputes as lines of `enforce case`. */
export function disputeLines(state: EnforcementCase): string[] {
  const lines: string[] = [];
  const d = state.distribution;
  if (d) {
    const held = d.stage === 'suing' && d.heldFen ? `，提存${formatYuan(d.heldFen)}` : '';
    lines.push(`参与分配：${STAGES[d.stage] ?? d.stage}，${d.creditors.length}名债权人申请${held}`);
  }
  const s = state.suspension;
  if (s) {
    const kind = s.kind === 'deferral' ? '暂缓执行（执行担保）' : '中止执行';
    const until = s.until ? `，至${s.until}` : '';
    const days = s.excludedDays ? `，${s.excludedDays}日不计入执行期限` : '';
    lines.push(`${kind}：${SUSPENSION_STATUSES[s.status] ?? s.status}${until}${days}`);
  }
  if (state.reversal)
    lines.push(
      `执行回转：返还${formatYuan(state.reversal.returnFen)}${state.reversal.newCase ? `，已立案${state.reversal.newCase.caseNumber}` : '，待立案'}`,
    );
  if (state.reversalOf) lines.push(`执行回转自：${state.reversalOf.caseNumber}（${state.reversalOf.setAsideBy}）`);
  return lines;
}

/** Registers `distribution`, `suspension`, `reversal` and `disputes` on the CLI. */
export function registerDisputeCommands(cli: Command, helped: Helped, globals: Globals, out: Out): void {
  distributionCommands(cli, helped, globals, out);
  suspensionCommands(cli, helped, globals, out);
  helped(
    cli
      .command('reversal')
      .description('执行回转（民事诉讼法第二百四十四条）：执行依据被撤销，裁定返还，作为新案立案')
      .argument('<case>', '原执行案件：案号或内部编号')
      .requiredOption('--set-aside-by <document>', '撤销执行依据的法律文书')
      .requiredOption('--amount <yuan>', '责令返还的金额（元）')
      .requiredOption('--as <user>', '执行局局长用户名'),
  ).action(async (reference: string, o) =>
    act(
      globals(),
      out(),
      o.as,
      {
        method: 'POST',
        path: (id) => `/cases/${id}/reversal`,
        body: { setAsideBy: o.setAsideBy, returnFen: parseYuan(o.amount) },
      },
      reference,
      '未裁定执行回转',
      () => ['已裁定执行回转，立案系统将作为新案立案'],
    ),
  );
  helped(
    cli
      .command('disputes')
      .description('指挥中心：即将届满或已逾期的参与分配异议期间、暂缓执行期限、担保期间')
      .option('--within <days>', '几日内届满（默认7日）')
      .requiredOption('--as <user>', '用户名（团队负责人、执行局局长、指挥中心）'),
  ).action(async (o) =>
    act(
      globals(),
      out(),
      o.as,
      { method: 'GET', path: () => `/board/disputes${o.within ? `?withinDays=${Number(o.within)}` : ''}` },
      undefined,
      '未能读取',
      (r) => {
        const items = (r.items as { caseNumber: string; label: string; dueDate: string; light: string }[]) ?? [];
        if (items.length === 0) return ['没有即将届满的争议期间'];
        return items.map(
          (i) => `${i.caseNumber}  ${i.label}  ${i.dueDate}${i.light === 'overdue' ? '（已逾期）' : ''}`,
        );
      },
    ),
  );
}
