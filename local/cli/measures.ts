/**
 * `enforce measures …`: exit restriction, reward notice, judicial relief and bankruptcy referral, as staff do them,
 * through the staff API (settle serves the writes). Registered here; each action loads ./measure-actions.ts lazily.
 */
import type { Command } from 'commander';
import type { Output } from './output.ts';
import type { GlobalOptions } from './session.ts';

type Actions = typeof import('./measure-actions.ts');

export function measureCommands(
  cli: Command,
  helped: (command: Command) => Command,
  globals: () => GlobalOptions,
  out: () => Output,
): void {
  const run =
    <K extends keyof Actions>(name: K) =>
    async (...args: unknown[]) => {
      const action = (await import('./measure-actions.ts'))[name] as (
        globals: GlobalOptions,
        out: Output,
        ...rest: unknown[]
      ) => Promise<void>;
      await action(globals(), out(), ...args);
    };
  const measures = helped(
    cli
      .command('measures')
      .description('限制出境、悬赏查找财产、国家司法救助、移送破产审查（经审批，出入境与破产法院通知自动发送）'),
  );
  const as = (c: Command) => c.requiredOption('--as <user>', '操作人用户名（承办人、团队负责人、执行局局长）');
  const withCase = (name: string, description: string) =>
    as(helped(measures.command(name).description(description).argument('<case>', '案号或案件内部编号')));

  withCase('show', '查看本案的限制出境、悬赏、司法救助、移送破产情况').action(run('showMeasures'));
  withCase('exit-ban', '限制被执行人出境：依申请执行人书面申请（默认）或依职权（--own-motion），报请审批')
    .requiredOption('--reason <text>', '事实和理由')
    .option('--own-motion', '依职权决定')
    .option('--applicant <partyId>', '提出申请的申请执行人（默认第一申请执行人）')
    .option('--respondent <partyId>', '被执行人（默认第一被执行人）')
    .option('--roles <roles>', '单位被执行人：legal-representative,principal,directly-responsible-person')
    .action(run('exitBanCommand'));
  withCase('lift-exit-ban', '解除限制出境（被执行人提供担保或申请执行人同意；履行完毕、结案时自动解除）')
    .argument('<reason>', 'security-given（提供担保）或 applicant-consent（申请执行人同意）')
    .action(run('liftExitBanCommand'));
  withCase('reward', '申请执行人书面申请悬赏查找财产：固定数额（--amount）或比例（--share 与 --cap）')
    .option('--amount <yuan>', '悬赏金数额（元）')
    .option('--share <percent>', '按执行到位金额的百分比')
    .option('--cap <yuan>', '按比例时的最高数额（元），由申请执行人预交')
    .option('--applicant <partyId>', '申请执行人（默认第一申请执行人）')
    .action(run('rewardCommand'));
  withCase('reward-deposit', '记录申请执行人预交的悬赏金；已批准且预交足额后发布悬赏公告')
    .argument('<yuan>', '金额（元）')
    .requiredOption('--reference <ref>', '缴款凭证号')
    .action(run('depositCommand'));
  withCase('lead', '登记举报的财产线索（举报人信息保密，只记登记编号）')
    .requiredOption('--informant <ref>', '举报人登记编号')
    .requiredOption('--summary <text>', '线索内容')
    .action(run('leadCommand'));
  withCase('lead-check', '记录线索核查结果')
    .argument('<leadId>', '线索编号')
    .argument('<outcome>', 'confirmed（属实）或 unfounded（不属实）')
    .option('--note <text>', '核查情况')
    .action(run('leadCheckCommand'));
  withCase('lead-money', '依线索执行到位的金额：按悬赏公告计算悬赏金，发放执行款时从申请执行人应得的执行款中扣减')
    .argument('<leadId>', '线索编号')
    .argument('<yuan>', '金额（元）')
    .action(run('leadMoneyCommand'));
  withCase('reward-close', '结束悬赏，退还未发放的预交悬赏金')
    .requiredOption('--reason <text>', '理由')
    .action(run('rewardCloseCommand'));
  withCase('relief', '申请执行人申请国家司法救助，报请审批')
    .argument('<yuan>', '申请救助金额（元）')
    .requiredOption('--hardship <text>', '生活面临的急迫困难')
    .option('--applicant <partyId>', '申请执行人（默认第一申请执行人）')
    .action(run('reliefCommand'));
  withCase('relief-paid', '记录救助资金已发放（此后执行到位的款项先行扣回）')
    .requiredOption('--reference <ref>', '财务凭证号')
    .action(run('reliefPaidCommand'));
  withCase('bankruptcy', '将企业法人被执行人移送破产审查（经书面同意，院长签署移送决定）')
    .requiredOption('--consent <who>', 'applicant（申请执行人同意）或 respondent（被执行人同意）')
    .requiredOption('--insolvency <text>', '不能清偿到期债务且资不抵债或明显缺乏清偿能力的事实')
    .requiredOption('--court-code <code>', '受移送法院代码')
    .requiredOption('--court-name <name>', '受移送法院名称')
    .option('--respondent <partyId>', '被执行人（默认第一被执行人）')
    .action(run('bankruptcyCommand'));
  withCase('bankruptcy-declared', '记录被执行人已被宣告破产（此后可申请终结执行）').action(run('declaredCommand'));
  withCase('dispatch', '处理措施的后续事项并发送到期（或逾期重发）的协助通知').action(run('dispatchCommand'));
}
