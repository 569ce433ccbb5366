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
    cli
      .command('limitation-objection')
      .description('执行时效异议：被执行人以超过申请执行期间（二年，A12）为由提出的异议及裁定'),
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
  const change = helped(
    cli
      .command('party-change')
      .description('追加、变更被执行人（V1：60日内审查裁定；V1、V2：复议10日、执行异议之诉15日）'),
  );
  helped(
    change
      .command('submit')
      .description('提交立案系统报送的变更、追加申请事件（EventBridge 事件 JSON 文件）')
      .argument('<event.json>', '事件文件'),
  ).action(async (file: string) => (await load()).partyChangeSubmitCommand(globals(), out(), file));
  helped(
    change
      .command('rule')
      .description('合议庭成员裁定（granted 变更、追加；rejected 驳回）并记录送达日期')
      .argument('<case>', '案件内部编号')
      .argument('<application>', '申请编号')
      .requiredOption('--outcome <outcome>', 'granted 或 rejected')
      .requiredOption('--reason <text>', '裁定理由')
      .requiredOption('--served-on <date>', '裁定书送达之日')
      .requiredOption('--as <user>', '合议庭成员用户名'),
  ).action(async (caseId: string, applicationId: string, options) =>
    (await load()).partyChangeActCommand(globals(), out(), 'ruling', caseId, applicationId, options),
  );
  helped(
    change
      .command('challenge')
      .description('登记当事人在期间内申请复议或提起执行异议之诉')
      .argument('<case>', '案件内部编号')
      .argument('<application>', '申请编号')
      .requiredOption('--filed-on <date>', '申请复议或起诉之日')
      .requiredOption('--as <user>', '用户名'),
  ).action(async (caseId: string, applicationId: string, options) =>
    (await load()).partyChangeActCommand(globals(), out(), 'challenge', caseId, applicationId, options),
  );
  helped(
    change
      .command('final')
      .description('裁定生效：期间届满未复议或起诉；或复议、诉讼有结果（--outcome upheld 维持、reversed 改判）')
      .argument('<case>', '案件内部编号')
      .argument('<application>', '申请编号')
      .option('--outcome <outcome>', 'upheld 或 reversed（已复议或起诉的）')
      .option('--reason <text>', '说明')
      .requiredOption('--as <user>', '用户名'),
  ).action(async (caseId: string, applicationId: string, options) =>
    (await load()).partyChangeActCommand(globals(), out(), 'final', caseId, applicationId, options),
  );
}
