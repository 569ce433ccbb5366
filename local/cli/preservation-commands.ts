/** The `preservation` and `objection` command groups of `enforce` (implementations load lazily: ./preservation.ts). */
import type { Command } from 'commander';
import type { Output } from './output.ts';
import type { GlobalOptions } from './session.ts';

export function registerPreservationCommands(
  cli: Command,
  helped: (command: Command) => Command,
  globals: () => GlobalOptions,
  out: () => Output,
): void {
  const load = () => import('./preservation.ts');
  const preservation = helped(
    cli.command('preservation').description('诉执衔接：保全中心报送的保全裁定，执行立案后自动转为执行措施（B3-CARRY）'),
  );
  helped(
    preservation
      .command('submit')
      .description('提交一个保全裁定事件（保全中心的 EventBridge 事件 JSON 文件）')
      .argument('<event.json>', '事件文件'),
  ).action(async (file: string) => (await load()).submitCommand(globals(), out(), file));
  helped(
    preservation
      .command('list')
      .description('本院的保全裁定：待立案执行（按最早到期日）、已转入执行案件、已失效（只读）')
      .option('--status <status>', 'held（待立案执行）、carried（已转入）、ended（已失效或解除）')
      .requiredOption('--as <user>', '用户名'),
  ).action(async (options) => (await load()).listCommand(globals(), out(), options));
  const objection = helped(
    cli.command('objection').description('执行时效异议：被执行人以超过申请执行期间（二年，A12）为由提出的异议及裁定'),
  );
  helped(
    objection
      .command('raise')
      .description('登记被执行人的执行时效异议（人民法院不依职权审查申请执行期间）')
      .argument('<case>', '案件内部编号')
      .requiredOption('--respondent <partyId>', '提出异议的被执行人编号')
      .requiredOption('--received-on <date>', '收到异议的日期')
      .option('--note <text>', '说明')
      .requiredOption('--as <user>', '登记人用户名（承办人、团队负责人、执行局局长）'),
  ).action(async (caseId: string, options) => (await load()).raiseCommand(globals(), out(), caseId, options));
  helped(
    objection
      .command('rule')
      .description('裁定执行时效异议：upheld（异议成立，裁定不予执行）或 dismissed（驳回异议）')
      .argument('<case>', '案件内部编号')
      .argument('<objection>', '异议编号')
      .argument('<outcome>', 'upheld 或 dismissed')
      .requiredOption('--reason <text>', '裁定理由')
      .option('--interrupted-on <date>', '申请执行时效中断之日（驳回超期申请时须认定）')
      .requiredOption('--as <user>', '合议庭成员用户名'),
  ).action(async (caseId: string, objectionId: string, outcome: string, options) =>
    (await load()).ruleCommand(globals(), out(), caseId, objectionId, outcome, options),
  );
}
