/**
 * `enforce aws …`: commands against a deployed stack, with the operator's AWS credentials and region (AWS_PROFILE,
 * AWS_REGION). They need no data directory. The implementations load on use (the AWS SDK stays out of `--help`).
 */
import { type Command, Option } from 'commander';
import type { GlobalOptions } from './options.ts';
import { CliError, type Output } from './output.ts';

const STACK_HELP = '已部署的栈名（如 Enforcement-dev，见 npx cdk deploy 的输出）';

export function registerAwsCommands(
  cli: Command,
  globals: () => GlobalOptions,
  out: () => Output,
  helped: (command: Command) => Command,
): void {
  const aws = helped(
    cli.command('aws').description('已部署到 AWS 的栈：冒烟测试、员工账户（使用本机的 AWS 凭证与区域）'),
  ).helpCommand(false);
  helped(
    aws
      .command('smoke')
      .description('冒烟测试：向栈的立案总线提交示例案件（docs/examples），跟踪其立案与流程推进')
      .requiredOption('--stack <name>', STACK_HELP)
      .option('--timeout <seconds>', '最长等待秒数（默认 180）'),
  ).action(async (options) => (await import('./aws-smoke.ts')).awsSmokeCommand(globals(), out(), options));

  const staff = helped(
    aws.command('staff').description('员工账户（Cognito 用户池），以人员名录 config/staff.json 为准'),
  ).helpCommand(false);
  helped(
    staff
      .command('sync')
      .description('按人员名录开通、更新、停用账户；新账户的临时密码只显示这一次，由管理员当面交给本人')
      .requiredOption('--stack <name>', STACK_HELP)
      .option('--dry-run', '只列出将要做的变更，不做任何修改')
      .option('--disable-unknown', '停用名录中没有的账户'),
  ).action(async (options) => staffCommand(out(), options.stack, (client, pool) => sync(out(), client, pool, options)));
  helped(
    staff
      .command('enrolled')
      .description('登记：管理员当面核对了该用户手机上的动态口令（TOTP）；此后其令牌才带审批角色')
      .argument('<user>', '用户名')
      .requiredOption('--stack <name>', STACK_HELP)
      .requiredOption('--by <admin>', '登记的管理员'),
  ).action(async (user: string, options) =>
    staffCommand(out(), options.stack, async (client, pool) => {
      const { recordEnrolment } = await import('./aws-staff.ts');
      const today = new Date().toISOString().slice(0, 10);
      const value = await recordEnrolment(client, pool, user, options.by, today);
      out().result({ userId: user, enrolledBy: value }, () => out().line(`已登记 ${user} 的动态口令：${value}`));
    }),
  );
  helped(
    staff
      .command('reset')
      .description(
        '找回账户：设临时密码并注销所有会话；手机丢失时加 --lost-authenticator（清除动态口令与登记，重新绑定）',
      )
      .argument('<user>', '用户名')
      .requiredOption('--stack <name>', STACK_HELP)
      .addOption(new Option('--lost-authenticator', '清除该用户的动态口令（TOTP）与登记记录')),
  ).action(async (user: string, options) =>
    staffCommand(out(), options.stack, async (client, pool) => {
      const { resetStaff } = await import('./aws-staff.ts');
      const password = await resetStaff(client, pool, user, { lostAuthenticator: options.lostAuthenticator === true });
      out().result({ userId: user, temporaryPassword: password }, () => {
        out().line(
          `已重置 ${user}：临时密码 ${password}（只显示这一次；首次登录须改密码${options.lostAuthenticator ? '并重新绑定动态口令' : ''}）`,
        );
      });
    }),
  );
}

type CognitoClient = import('@aws-sdk/client-cognito-identity-provider').CognitoIdentityProviderClient;

/** The stack's user pool and a Cognito client, then the work. */
async function staffCommand(
  out: Output,
  stack: string | undefined,
  work: (client: CognitoClient, pool: string) => Promise<void>,
): Promise<void> {
  if (!stack) throw new CliError('请用 --stack 指明已部署的栈', 2);
  const [{ CloudFormationClient }, { CognitoIdentityProviderClient }, { stackOutputs }, { STACK_OUTPUTS }] =
    await Promise.all([
      import('@aws-sdk/client-cloudformation'),
      import('@aws-sdk/client-cognito-identity-provider'),
      import('./aws-smoke.ts'),
      import('#contracts/stack-outputs.ts'),
    ]);
  const outputs = await stackOutputs(new CloudFormationClient({}), stack, [STACK_OUTPUTS.userPool]);
  out.progress(`用户池 ${outputs[STACK_OUTPUTS.userPool]}（栈 ${stack}）`);
  await work(new CognitoIdentityProviderClient({}), outputs[STACK_OUTPUTS.userPool]);
}

async function sync(
  out: Output,
  client: CognitoClient,
  pool: string,
  options: { dryRun?: boolean; disableUnknown?: boolean },
): Promise<void> {
  const [{ syncStaff }, { referenceData }] = await Promise.all([
    import('./aws-staff.ts'),
    import('#commons/reference-data.ts'),
  ]);
  const report = await syncStaff(client, pool, referenceData().staff.document, {
    dryRun: options.dryRun === true,
    disableUnknown: options.disableUnknown === true,
  });
  const LABELS = { create: '开通', update: '更新', disable: '停用', unchanged: '不变', unknown: '名录外' } as const;
  out.result(report, () => {
    for (const entry of report) {
      const password = entry.temporaryPassword ? `  临时密码 ${entry.temporaryPassword}` : '';
      out.line(`${LABELS[entry.action]}  ${entry.userId}  ${entry.changes.join('；')}${password}`);
    }
    if (options.dryRun) out.line('（--dry-run：以上变更均未执行）');
    if (report.some((e) => e.temporaryPassword)) {
      out.line(
        '临时密码只显示这一次，3 天内有效：首次登录须设新密码并绑定动态口令，管理员核对后运行 enforce aws staff enrolled。',
      );
    }
  });
}
