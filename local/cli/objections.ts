/**
 * `enforce objection …`: objections as staff handle them, through the staff API (served by settle): register a
 * written objection (执行异议 to a seizure, 案外人异议 to a seized asset), the ruling, an application for
 * reconsideration and the higher court's decision, a lawsuit (执行异议之诉) and its judgment.
 */
import type { Command } from 'commander';
import type { EnforcementCase } from '#domain/case/model.ts';
import { CliError, type Output } from './output.ts';
import type { GlobalOptions } from './session.ts';

const ROLES = ['applicant', 'respondent', 'interested', 'third-party'] as const;
const ROLE_HELP = 'applicant（申请执行人）、respondent（被执行人）、interested（利害关系人）、third-party（案外人）';
const STATUS_LABELS: Record<string, string> = {
  examining: '审查中',
  ruled: '已裁定，期间进行中',
  reconsidering: '复议审查中',
  'in-suit': '执行异议之诉审理中',
  final: '已终结',
};
const EFFECT_LABELS: Record<string, string> = {
  released: '已解除查封、冻结',
  resumed: '恢复处分该财产',
  unchanged: '执行行为维持',
  removed: '已删除失信信息',
  refunded: '扣划款项已退还被执行人',
  lifted: '已解除限制消费令',
  repriced: '参考价已撤销，重新定价',
  annulled: '拍卖已撤销',
};

const ACTS: Record<string, string> = {
  seizure: '查封、冻结',
  deduction: '扣划存款',
  listing: '纳入失信被执行人名单',
  restriction: '限制消费令',
  price: '处置参考价',
  auction: '拍卖',
};

interface ObjectionAnswer {
  readonly objectionId: string;
  readonly status: string;
  readonly effect?: string;
  readonly nodes: readonly { readonly node: string; readonly dueDate: string }[];
}

async function caseIdOf(reference: string, as: string): Promise<string> {
  if (/^c[a-z2-7]{19}$/.test(reference)) return reference;
  // Loaded when a command runs, not when the CLI starts.
  const { referenceData } = await import('#commons/reference-data.ts');
  const { caseIdFor } = await import('#domain/ids.ts');
  const member = await referenceData().staff.member(as);
  if (!member) throw new CliError(`未知的用户：${as}`);
  return caseIdFor(member.court, reference);
}

function role(value: string): (typeof ROLES)[number] {
  if (!(ROLES as readonly string[]).includes(value))
    throw new CliError(`未知的身份：${value}（可选：${ROLE_HELP}）`, 2);
  return value as (typeof ROLES)[number];
}

function describe(answer: ObjectionAnswer): string {
  const nodes = answer.nodes.map((n) => `${n.node.endsWith('-window') ? '期间' : '期限'}至${n.dueDate}`).join('，');
  return `异议 ${answer.objectionId}：${STATUS_LABELS[answer.status] ?? answer.status}${answer.effect ? `，${EFFECT_LABELS[answer.effect] ?? answer.effect}` : ''}${nodes ? `（${nodes}）` : ''}`;
}

async function post(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  as: string,
  path: string,
  body: unknown,
  refused: string,
): Promise<void> {
  const caseId = await caseIdOf(reference, as);
  const { staffRequest } = await import('./api-client.ts');
  const request = { method: 'POST' as const, path: `/cases/${caseId}/objections${path}`, body };
  await staffRequest<ObjectionAnswer>(globals, out, as, request, refused, (answer) => [describe(answer)]);
}

/** Registers `enforce objection <file|rule|reconsider|review|sue|judgment>`. */
export function registerObjectionCommands(
  cli: Command,
  helped: (command: Command) => Command,
  globals: () => GlobalOptions,
  out: () => Output,
): void {
  const group = helped(
    cli
      .command('objection')
      .description('执行异议与复议（民诉法第二百三十六条）、案外人异议与执行异议之诉（第二百三十八条）'),
  );
  helped(
    group
      .command('file')
      .description(
        '登记书面异议：act（对查封、冻结的执行行为异议）或 third-party（案外人对执行标的主张权利）；十五日内审查',
      )
      .argument('<case>', '案号或案件内部编号')
      .argument('<kind>', 'act 或 third-party')
      .option('--asset <assetId>', '所涉财产编号（enforce case 可见）；对失信名单的异议不需要')
      .option('--listing', '异议针对纳入失信被执行人名单（执行行为异议；同 --act listing）')
      .option(
        '--act <act>',
        '执行行为异议针对的行为：seizure 查封冻结（默认）、deduction 扣划存款、price 处置参考价、auction 拍卖（以上须 --asset）、listing 失信名单、restriction 限制消费令',
      )
      .requiredOption('--by <name>', '异议人姓名或名称')
      .requiredOption('--role <role>', ROLE_HELP)
      .requiredOption('--grounds <text>', '异议理由')
      .option('--received-on <date>', '收到书面异议的日期（默认今天）')
      .requiredOption('--as <user>', '登记人用户名（承办人、团队负责人、执行局局长）'),
  ).action(async (reference: string, kind: string, options) => {
    if (kind !== 'act' && kind !== 'third-party') throw new CliError(`异议种类只能是 act 或 third-party：${kind}`, 2);
    const act: string | undefined = options.listing ? 'listing' : options.act;
    if (act !== undefined && !(act in ACTS))
      throw new CliError(`--act 只能是 ${Object.keys(ACTS).join('、')}：${act}`, 2);
    await post(
      globals(),
      out(),
      reference,
      options.as,
      '',
      {
        kind,
        objector: { name: options.by, role: role(options.role) },
        ...(act ? { act } : {}),
        ...(options.asset ? { assetId: options.asset } : {}),
        grounds: options.grounds,
        ...(options.receivedOn ? { receivedOn: options.receivedOn } : {}),
      },
      '未登记异议',
    );
  });
  helped(
    group
      .command('rule')
      .description('异议审查裁定：upheld（成立）或 dismissed（驳回）；送达后开始计算复议或起诉期间')
      .argument('<case>', '案号或案件内部编号')
      .argument('<objection>', '异议编号')
      .argument('<outcome>', 'upheld 或 dismissed')
      .requiredOption('--reasons <text>', '裁定理由')
      .option('--served-on <date>', '裁定送达日期（默认今天）')
      .requiredOption('--as <user>', '裁定人用户名（合议庭成员、执行局局长）'),
  ).action(async (reference: string, objectionId: string, outcome: string, options) => {
    if (outcome !== 'upheld' && outcome !== 'dismissed')
      throw new CliError(`裁定结果只能是 upheld 或 dismissed：${outcome}`, 2);
    await post(
      globals(),
      out(),
      reference,
      options.as,
      `/${objectionId}/ruling`,
      { outcome, reasons: options.reasons, ...(options.servedOn ? { servedOn: options.servedOn } : {}) },
      '未作出裁定',
    );
  });
  helped(
    group
      .command('reconsider')
      .description('登记向上一级人民法院申请复议（执行行为异议，裁定送达之日起十日内）')
      .argument('<case>', '案号或案件内部编号')
      .argument('<objection>', '异议编号')
      .requiredOption('--by <role>', `申请人身份：${ROLE_HELP}`)
      .option('--received-on <date>', '收到复议申请的日期（默认今天）')
      .requiredOption('--as <user>', '登记人用户名'),
  ).action(async (reference: string, objectionId: string, options) =>
    post(
      globals(),
      out(),
      reference,
      options.as,
      `/${objectionId}/reconsideration`,
      { appliedBy: role(options.by), ...(options.receivedOn ? { receivedOn: options.receivedOn } : {}) },
      '未登记复议申请',
    ),
  );
  helped(
    group
      .command('review')
      .description('登记上一级人民法院的复议裁定：affirmed（维持）或 reversed（撤销原裁定）')
      .argument('<case>', '案号或案件内部编号')
      .argument('<objection>', '异议编号')
      .argument('<decision>', 'affirmed 或 reversed')
      .requiredOption('--as <user>', '登记人用户名'),
  ).action(async (reference: string, objectionId: string, decision: string, options) => {
    if (decision !== 'affirmed' && decision !== 'reversed')
      throw new CliError(`复议裁定只能是 affirmed 或 reversed：${decision}`, 2);
    await post(
      globals(),
      out(),
      reference,
      options.as,
      `/${objectionId}/reconsideration-decision`,
      { decision },
      '未登记复议裁定',
    );
  });
  helped(
    group
      .command('sue')
      .description('登记执行异议之诉（案外人异议，裁定送达之日起十五日内），诉讼期间不得处分该财产')
      .argument('<case>', '案号或案件内部编号')
      .argument('<objection>', '异议编号')
      .requiredOption('--plaintiff <role>', '原告身份：applicant、respondent 或 third-party')
      .requiredOption('--as <user>', '登记人用户名'),
  ).action(async (reference: string, objectionId: string, options) =>
    post(
      globals(),
      out(),
      reference,
      options.as,
      `/${objectionId}/suit`,
      { plaintiff: role(options.plaintiff) },
      '未登记执行异议之诉',
    ),
  );
  helped(
    group
      .command('judgment')
      .description('登记执行异议之诉判决：third-party（不得执行该标的，解除查封）或 applicant（驳回，继续处分）')
      .argument('<case>', '案号或案件内部编号')
      .argument('<objection>', '异议编号')
      .argument('<for>', 'third-party 或 applicant')
      .requiredOption('--reference <number>', '判决书案号')
      .requiredOption('--as <user>', '登记人用户名'),
  ).action(async (reference: string, objectionId: string, winner: string, options) => {
    if (winner !== 'third-party' && winner !== 'applicant')
      throw new CliError(`判决结果只能是 third-party 或 applicant：${winner}`, 2);
    await post(
      globals(),
      out(),
      reference,
      options.as,
      `/${objectionId}/judgment`,
      { for: winner, reference: options.reference },
      '未登记判决',
    );
  });
}

/** Objections on the case, as lines of `enforce case`: each with its state and the period that runs. */
export function objectionLines(state: EnforcementCase): string[] {
  const kinds = { act: '执行行为异议', 'third-party': '案外人异议' } as const;
  return Object.values(state.objections ?? {}).map((o) => {
    const asset = state.assets[o.assetId];
    const open = Object.values(state.nodes).filter(
      (n) => n.node.startsWith(`objection:${o.objectionId}`) && n.status === 'open',
    );
    const period = open.map((n) => `${n.window ? '期间' : '期限'}至${n.dueDate}`).join('，');
    const what = asset ? `${asset.institution}${asset.reference}` : o.assetId;
    const target =
      o.act === 'listing' || o.act === 'restriction'
        ? (ACTS[o.act] ?? o.act)
        : o.act === 'deduction' || o.act === 'price' || o.act === 'auction'
          ? `${ACTS[o.act]}：${what}`
          : what;
    return `${kinds[o.kind]} ${o.objectionId}：${o.objector.name}，${target}，${STATUS_LABELS[o.status] ?? o.status}${o.result ? `，${EFFECT_LABELS[o.result.effect]}` : ''}${period ? `（${period}）` : ''}`;
  });
}
