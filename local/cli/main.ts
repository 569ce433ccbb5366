/**
 * `enforce`: the command line of the embedded runtime. Every command has --help; --json gives machine-readable
 * output; --data-dir says where the state lives. An error is one clear line and a non-zero exit.
 */
import { Command, CommanderError, Option } from 'commander';
import { CONDUCT_KINDS } from '#domain/case/model.ts';
import { MATTER_KINDS } from '#domain/entrustment/received.ts';
import { RULES } from '#domain/rules/table.ts';
import { CONDUCT_LABELS } from '#domain/timeline/labels.ts';
import { registerAwsCommands } from './aws.ts';
import type { CostOptions } from './cost.ts';
import { registerDisputeCommands } from './distribution.ts';
import { measureCommands } from './measures.ts';
import { registerObjectionCommands } from './objections.ts';
import { DEFAULT_DATA_DIR, type GlobalOptions } from './options.ts';
import { CliError, type Output, output, writeError } from './output.ts';
import { registerPreservationCommands } from './preservation-commands.ts';
import { rulesCommand } from './rules.ts';
import { SCENARIOS } from './scenarios.ts';

/** Commands load on use: `--help` should not wait for the runtime and the AWS SDK to load. */
const commands = () => import('./commands.ts');
type Commands = Awaited<ReturnType<typeof commands>>;
type Arguments<F> = F extends (globals: GlobalOptions, out: Output, ...rest: infer A) => Promise<void> ? A : never;

function program(): Command {
  const cli = new Command('enforce')
    .description('执行案件管理（嵌入式运行时）：立案、分案、送达、查控、审批、发放、结案')
    .version('0.1.0', '-V, --version', '显示版本')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand(false)
    .option('--data-dir <dir>', `数据目录（默认 $ENFORCE_DATA_DIR 或 ./${DEFAULT_DATA_DIR}）`)
    .option('--json', '以 JSON 输出，供脚本使用')
    .addOption(
      new Option('--clock <mode>', '新建数据目录时选择时钟：real（真实，默认）或 virtual（演示与测试）').choices([
        'real',
        'virtual',
      ]),
    )
    .option('--start-at <time>', '新建虚拟时钟的起始时间（ISO-8601，如 2026-03-02T09:00:00+08:00）')
    .option('--simulator <script.json>', '新建数据目录时载入的外部协助单位模拟脚本（银行、送达平台、外地法院的答复）')
    .showHelpAfterError('（使用 --help 查看用法）')
    .exitOverride();

  const globals = (): GlobalOptions => cli.opts<GlobalOptions>();
  const out = () => output(globals().json === true);
  const helped = (command: Command) => command.helpOption('-h, --help', '显示帮助');
  const lazy =
    <K extends keyof Commands>(name: K) =>
    async (...args: Arguments<Commands[K]>) => {
      const command = (await commands())[name] as (
        globals: GlobalOptions,
        out: Output,
        ...rest: unknown[]
      ) => Promise<void>;
      await command(globals(), out(), ...args);
    };

  helped(
    cli
      .command('intake')
      .description('提交一个立案事件（EventBridge 事件 JSON 文件）')
      .argument('<event.json>', '事件文件'),
  ).action(lazy('intakeCommand'));
  helped(cli.command('cases').description('列出案件').option('--status <status>', '只列出该状态的案件')).action(
    lazy('casesCommand'),
  );
  helped(
    cli
      .command('case')
      .description('案件详情：时间节点、财产、时间线（每次状态变化、审批与期限）')
      .argument('<case>', '案号或案件内部编号'),
  ).action(lazy('caseCommand'));
  helped(
    cli
      .command('tasks')
      .description('待审批事项；加 --as 时经员工接口查询该用户的待办（有 enforce serve 运行时经由该服务）')
      .option('--as <user>', '以该用户身份查询其可办理的待办（见 config/staff.json）')
      .addOption(
        new Option('--scope <scope>', 'mine：本人可办（默认）；court：全院待办（需相应权限）').choices([
          'mine',
          'court',
        ]),
      )
      .option('--case <case-id>', '只列出该案件的待办'),
  ).action(lazy('tasksCommand'));
  helped(
    cli
      .command('decide')
      .description('对审批事项作出决定（通过与生产环境相同的审批函数）')
      .argument('<approval-id>', '审批编号（见 enforce tasks）')
      .argument('<decision>', 'approve（同意）或 reject（不同意）')
      .requiredOption('--as <user>', '审批人用户名（见 config/staff.json）')
      .option('--reason <text>', '理由（不同意时必填）')
      .option('--days <n>', '罚款、拘留审批：决定的拘留日数（默认按建议；不得超过法定上限）')
      .option(
        '--refuse <measure>',
        '限制消费令、失信决定书签发审批：同意其余各项，不同意该项（restriction 限制消费令，listing 失信决定书；须说明理由）',
      )
      .option(
        '--start <yuan>',
        `拍卖条件审批：起拍价（元；默认按建议；不得低于参考价的${RULES.E2.minStartingPricePercent}%，再次拍卖降价不超过${RULES.E8.maxCutPercent}%）`,
      )
      .option(
        '--deposit <yuan>',
        `拍卖条件审批：保证金（元；起拍价的${RULES.E5.minDepositPercent}%至${RULES.E5.maxDepositPercent}%）`,
      )
      .option(
        '--amount <yuan>',
        '执行款发放审批：核对发放与退还的总金额（元），须与事项一致；罚款、拘留审批：决定的罚款金额（元，默认按建议）',
      ),
  ).action(lazy('decideCommand'));
  helped(
    cli
      .command('claim')
      .description('认领审批事项：认领后只有本人可以决定')
      .argument('<approval-id>', '审批编号')
      .requiredOption('--as <user>', '认领人用户名')
      .option('--release', '放弃认领，退回待认领'),
  ).action(lazy('claimCommand'));
  helped(
    cli
      .command('assign')
      .description('指派或改派审批事项（团队负责人、执行局局长）')
      .argument('<approval-id>', '审批编号')
      .argument('<to>', '被指派人用户名')
      .requiredOption('--as <user>', '指派人用户名')
      .option('--reason <text>', '理由'),
  ).action(lazy('assignCommand'));
  helped(
    cli
      .command('reassign')
      .description('批量转办：将某人名下全部待办转给另一人（如人员离岗），每件一条审计记录')
      .requiredOption('--from <user>', '转出人')
      .requiredOption('--to <user>', '接收人')
      .requiredOption('--as <user>', '操作人（团队负责人、执行局局长）')
      .option('--reason <text>', '理由'),
  ).action(lazy('reassignCommand'));
  helped(
    cli
      .command('migrate')
      .description('将旧版本格式的数据目录（嵌入式 DynamoDB）迁移到 SQLite 数据库；旧数据保留为备份'),
  ).action(async () => (await import('./migrate.ts')).migrateCommand(globals(), out()));
  const maintenance = () => import('./maintenance.ts');
  helped(
    cli.command('check').description('检查数据库：完整性检查，以及每个案件审计链的哈希链（只读，服务运行时也可执行）'),
  ).action(async () => (await maintenance()).checkCommand(globals(), out()));
  helped(
    cli
      .command('backup')
      .description('在线备份数据库到一个文件（SQLite 备份接口；服务运行时也可执行）')
      .argument('<file>', '备份文件（不得已存在）'),
  ).action(async (file: string) => (await maintenance()).backupCommand(globals(), out(), file));
  helped(
    cli
      .command('restore')
      .description('用备份文件替换数据库（须先停止服务；原数据库保留在旁）')
      .argument('<file>', '备份文件'),
  ).action(async (file: string) => (await maintenance()).restoreCommand(globals(), out(), file));
  helped(
    cli
      .command('serve')
      .description('启动员工接口（本地 HTTP 服务，含本地身份提供者），并在同一进程内按时处理到期工作')
      .option('--port <port>', '端口（默认 8080；0 为任一空闲端口）')
      .option('--host <host>', '监听地址（默认 127.0.0.1，仅本机；其他地址须 --tls-cert/--tls-key 或 --behind-proxy）')
      .option('--tls-cert <file>', 'HTTPS 证书（PEM）')
      .option('--tls-key <file>', 'HTTPS 私钥（PEM）')
      .option('--behind-proxy <address>', '由该地址的反向代理（负责 HTTPS）转发：只接受它的连接')
      .option(
        '--host-name <name>',
        '客户端访问本服务所用的主机名（Host 头），可重复；默认只接受 localhost 与 127.0.0.1',
        (value: string, previous: string[] = []) => [...previous, value],
      )
      .option('--oidc-issuer <url>', '另行信任本院的 OpenID Connect 身份提供者：其 issuer')
      .option('--oidc-jwks <url>', '该身份提供者的公钥地址（JWKS，HTTPS）')
      .option('--oidc-audience <client-id>', '令牌的 audience（本系统在该身份提供者处的客户端编号）'),
  ).action(lazy('serveCommand'));
  helped(
    cli
      .command('start')
      .description(
        `npm start：演示法院。首次运行时在数据目录（默认 ./.demo）中用虚拟时钟立案并办理演示案件，然后启动员工接口与控制台，并显示如何登录`,
      )
      .option('--port <port>', '端口（默认 8080；0 为任一空闲端口）'),
  ).action(async (options) => (await import('./demo-court.ts')).startCommand(globals(), out(), options));
  helped(
    cli
      .command('login')
      .description(
        '登录，取得会话令牌：真实时钟须密码（审批岗位另须动态口令）；虚拟时钟的演示与测试数据目录签发开发用令牌',
      )
      .requiredOption('--as <user>', '用户名（见 config/staff.json）')
      .option('--code <code>', '当前的六位动态口令（审批岗位；不填时提示输入）')
      .option('--password-stdin', '从标准输入读取密码（不经终端提示）'),
  ).action(async (options) => (await import('./login.ts')).loginCommand(globals(), out(), options));
  helped(
    cli
      .command('clock')
      .description('查看时钟；clock advance <时长> 让虚拟时钟前进（如 3d、12h、1d12h），途中到期的期限依次触发')
      .argument('[action]', 'advance')
      .argument('[duration]', '时长'),
  ).action(lazy('clockCommand'));
  helped(
    cli
      .command('pay')
      .description('（模拟银行通知）案款账户收到被执行人转入的款项')
      .argument('<case>', '案号或案件内部编号')
      .argument('<amount>', '金额（元），如 51650.00')
      .option('--ref <reference>', '银行流水号'),
  ).action(lazy('payCommand'));
  helped(
    cli
      .command('conduct')
      .description('记录被执行人的行为（如暴力抗拒、隐匿财产），供强制措施与拒执罪移送依据')
      .argument('<case>', '案号或案件内部编号')
      .argument('<kind>', CONDUCT_KINDS.map((kind) => `${kind}（${CONDUCT_LABELS[kind]}）`).join('、'))
      .requiredOption('--as <user>', '记录人用户名（执行干警、承办人、团队长、局长）')
      .option('--note <text>', '情况说明'),
  ).action(lazy('conductCommand'));
  helped(
    cli
      .command('release')
      .description('院长批准提前解除司法拘留，作出提前解除拘留决定书（被拘留人认错悔改，C2）')
      .argument('<case>', '案号或案件内部编号')
      .requiredOption('--as <user>', '批准人用户名（院长）')
      .requiredOption('--reason <text>', '理由'),
  ).action(lazy('releaseCommand'));
  const closure = () => import('./closure.ts');
  helped(
    cli
      .command('close')
      .description('申请结案：终结本次执行程序（终本）、终结执行、销案、不予执行、驳回申请；经审查与审批后结案')
      .argument('<case>', '案号或案件内部编号')
      .argument(
        '<way>',
        'final-round-closure（终本）、termination（终结执行）、withdrawal（销案）、non-enforcement（不予执行）、rejection（驳回申请）',
      )
      .requiredOption('--as <user>', '申请人用户名（承办人、团队负责人、执行局局长）')
      .option('--ground <ground>', '结案事由（终本以外须填，见规则表 G1；不填时列出可选事由）')
      .option('--reason <text>', '理由'),
  ).action(async (reference: string, way: string, options) =>
    (await closure()).closeCommand(globals(), out(), reference, way, options),
  );
  helped(
    cli
      .command('interview')
      .description(
        '记录约谈申请执行人（告知终本事项并听取申请执行人意见，G2）；终本审查正在询问申请执行人时即作为其答复',
      )
      .argument('<case>', '案号或案件内部编号')
      .argument('<opinion>', 'agrees（同意终本）或 objects（不同意）')
      .requiredOption('--as <user>', '记录人用户名（承办人、团队负责人、执行局局长）')
      .option('--note <text>', '约谈情况'),
  ).action(async (reference: string, opinion: string, options) =>
    (await closure()).interviewCommand(globals(), out(), reference, opinion, options),
  );
  helped(
    cli
      .command('settlement')
      .description('记录执行和解协议：分期履行（日期=金额），履行期间停止执行措施；全部履行后发放结案，违约则恢复执行')
      .argument('<case>', '案号或案件内部编号')
      .requiredOption('--as <user>', '记录人用户名（承办人、团队负责人、执行局局长）')
      .option(
        '--installment <date=yuan>',
        '一期：履行日期=金额（元），可重复，例如 --installment 2026-07-01=10000.00',
        (value: string, previous: string[] = []) => [...previous, value],
      )
      .option('--note <text>', '协议说明'),
  ).action(async (reference: string, options) =>
    (await closure()).settlementCommand(globals(), out(), reference, options),
  );
  registerDisputeCommands(cli, helped, globals, out);
  registerObjectionCommands(cli, helped, globals, out);
  helped(
    cli
      .command('resume')
      .description(
        '记录申请执行人申请恢复执行（被执行人不履行执行和解协议，执行和解规定第九条）：报立案部门以执恢案件立案',
      )
      .argument('<case>', '案号或案件内部编号')
      .requiredOption('--as <user>', '记录人用户名（承办人、团队负责人、执行局局长）')
      .option('--note <text>', '申请情况（如书面申请日期）'),
  ).action(async (reference: string, options) => (await closure()).resumeCommand(globals(), out(), reference, options));
  helped(
    cli
      .command('listing-removal')
      .description(
        '记录申请执行人书面申请删除失信信息、本院审查同意（仅限未设纳入期限的失信信息，法释〔2017〕7号第十条第一款第三项）',
      )
      .argument('<case>', '案号或案件内部编号')
      .requiredOption('--as <user>', '记录人用户名（承办人、团队负责人、执行局局长）')
      .option('--note <text>', '申请及审查情况'),
  ).action(async (reference: string, options) =>
    (await closure()).listingRemovalCommand(globals(), out(), reference, options),
  );
  const entrusted = () => import('./entrusted.ts');
  const matters = helped(
    cli.command('entrusted').description('其他法院委托本院办理的执行事项（H1：30日内办结或函复），及委托、受托统计'),
  );
  helped(
    matters
      .command('receive')
      .description('登记一件受托事项：期限按规则表 H1 与法定节假日计算')
      .requiredOption('--from-court <code>', '委托法院代码')
      .requiredOption('--from-court-name <name>', '委托法院名称')
      .requiredOption('--case-number <number>', '委托法院的案号')
      .requiredOption('--kind <kind>', `委托事项：${MATTER_KINDS.join('、')}`)
      .requiredOption('--reference <ref>', '所涉财产或当事人的编号（账号、不动产单元号等，不填姓名）')
      .option('--received-on <date>', '收到日期（默认今天）')
      .option('--assignee <user>', '承办人用户名')
      .requiredOption('--as <user>', '登记人用户名（承办人、团队负责人、执行局局长、指挥中心）'),
  ).action(async (options) => (await entrusted()).receiveCommand(globals(), out(), options));
  helped(
    matters
      .command('assign')
      .description('将受托事项交承办人办理')
      .argument('<matter>', '受托事项编号')
      .argument('<to>', '承办人用户名')
      .requiredOption('--as <user>', '团队负责人或执行局局长用户名'),
  ).action(async (matter: string, to: string, options) =>
    (await entrusted()).assignCommand(globals(), out(), matter, to, options),
  );
  helped(
    matters
      .command('start')
      .description('登记本院已开始办理受托事项（H1：收到委托后15日内开始办理，超过的记为逾期开始）；已登记的不重复登记')
      .argument('<matter>', '受托事项编号')
      .requiredOption('--as <user>', '承办人用户名'),
  ).action(async (matter: string, options) => (await entrusted()).startCommand(globals(), out(), matter, options));
  for (const [name, outcome, description] of [
    ['complete', 'completed', '受托事项办结，记录结果（超过期限的记为逾期办结）'],
    ['report-back', 'reported-back', '函复委托法院（无法办理或部分办理），记录情况'],
  ] as const) {
    helped(
      matters
        .command(name)
        .description(description)
        .argument('<matter>', '受托事项编号')
        .requiredOption('--result <text>', '办理结果')
        .requiredOption('--as <user>', '承办人用户名'),
    ).action(async (matter: string, options) =>
      (await entrusted()).finishCommand(globals(), out(), outcome, matter, options),
    );
  }
  helped(
    matters
      .command('list')
      .description('本院的受托事项及其期限（只读）')
      .option('--status <status>', 'open（办理中）、completed（已办结）、reported-back（已函复）')
      .option('--from <date>', '收到日期起')
      .option('--to <date>', '收到日期止')
      .requiredOption('--as <user>', '用户名'),
  ).action(async (options) => (await entrusted()).listCommand(globals(), out(), options));
  helped(
    matters
      .command('check')
      .description('检查受托事项期限：逾期未办结的提醒指挥中心（每件一次）')
      .requiredOption('--as <user>', '用户名（承办人、团队负责人、执行局局长、指挥中心）'),
  ).action(async (options) => (await entrusted()).checkCommand(globals(), out(), options));
  helped(
    matters
      .command('counts')
      .description('委托、受托统计：本院案件委托外院的件数；外院委托本院的件数及按期、逾期、未办结（只读）')
      .requiredOption('--from <date>', '起始日期')
      .requiredOption('--to <date>', '截止日期')
      .requiredOption('--as <user>', '用户名'),
  ).action(async (options) => (await entrusted()).countsCommand(globals(), out(), options));
  helped(
    cli
      .command('export')
      .description(
        '导出报表（CSV 或 Excel）：board 指挥中心看板、cases 期间内立案的案件、nodes 期间内到期的时间节点（含完成日期与逾期天数）、matters 期间内收到的受托事项',
      )
      .argument('<what>', 'board、cases、nodes 或 matters')
      .requiredOption('--as <user>', '以该用户的权限读取（如执行局局长 zhang-wei、指挥中心 zhao-min）')
      .option('--from <date>', '起始日期（YYYY-MM-DD，含）')
      .option('--to <date>', '截止日期（YYYY-MM-DD，含）')
      .addOption(
        new Option('--format <format>', '文件格式（默认 xlsx；--out 以 .csv 结尾时为 csv）').choices(['csv', 'xlsx']),
      )
      .option(
        '--out <file>',
        '输出文件（默认按报表名与期间命名，如 案件清单_2026-03-01_2026-03-31.xlsx；不覆盖已有文件）',
      ),
  ).action(async (what: string, options) =>
    (await import('./export.ts')).exportCommand(globals(), out(), what, options),
  );
  registerPreservationCommands(cli, helped, globals, out);
  helped(cli.command('run').description('处理当前所有到期的工作后退出')).action(lazy('runCommand'));
  helped(cli.command('worker').description('持续运行（生产模式）：按时处理到期的期限与外部答复')).action(
    lazy('workerCommand'),
  );
  helped(
    cli
      .command('demo')
      .description('演示：一件执行案件从立案事件到执行完毕（虚拟时钟，新数据目录）')
      .addOption(new Option('--scenario <name>', '演示场景').choices([...SCENARIOS]).default('flagship')),
  ).action(async (options: { scenario?: string }) =>
    (await import('./demo.ts')).demoCommand(globals(), out(), options),
  );
  helped(cli.command('rules').description('规则表：每个期限与数值及其法律依据')).action(() =>
    rulesCommand(globals(), out()),
  );
  helped(
    cli
      .command('cost')
      .description('估算 AWS 上每案与每千案的费用：按案件构成逐一运行各场景并计量，再按所选区域的价格计算')
      .option('--mix <file>', '案件构成文件（各场景权重，默认 config/workload/mix.json）')
      .option('--region <region>', '价格区域（默认 us-east-1，见 config/pricing/）')
      .option('--stage <stage>', '部署阶段，决定函数内存（默认 prod，见 infra/config.ts）')
      .option('--prices <file>', '价格文件（默认 config/pricing/ 中最新的一份）')
      .option('--per-year <n>', '每年案件数：另给出全年费用'),
  ).action(async (options: CostOptions) => (await import('./cost.ts')).costCommand(globals(), out(), options));
  helped(cli.command('alerts').description('指挥中心提醒（逾期、升级、需人工处理）')).action(lazy('alertsCommand'));
  helped(cli.command('rejections').description('被拒收的立案事件及原因')).action(lazy('rejectionsCommand'));
  const evidence = () => import('./evidence.ts');
  const group = helped(cli.command('evidence').description('现场证据：上传、列表、查看链接、法律保留、核验'));
  helped(
    group
      .command('add')
      .description('上传一件证据（照片、视频、录音、文件）并入卷：与手机端相同的签名上传')
      .argument('<case>', '案号或案件内部编号')
      .argument('<file>', '文件')
      .requiredOption(
        '--step <step>',
        '关联的执行环节：service、control-plan、disbursement、seizure、obstruction、on-site',
      )
      .requiredOption('--as <user>', '上传人（执行干警、承办人等，见 config/staff.json）')
      .option('--type <mime>', '文件类型（默认按扩展名判断）')
      .option('--device <device>', '拍摄设备')
      .option('--location <lat,lon>', '拍摄位置（纬度,经度）')
      .option('--description <text>', '说明')
      .option('--captured-at <time>', '拍摄时间（ISO-8601）'),
  ).action(async (reference: string, file: string, options) =>
    (await evidence()).evidenceAddCommand(globals(), out(), reference, file, options),
  );
  helped(
    group
      .command('list')
      .description('本案证据（只读，不记入审计链）')
      .argument('<case>', '案号或案件内部编号')
      .option('--step <step>', '只列出该环节的证据'),
  ).action(async (reference: string, options) =>
    (await evidence()).evidenceListCommand(globals(), out(), reference, options),
  );
  helped(
    group
      .command('link')
      .description('签发查看或下载链接（记入审计链）')
      .argument('<case>', '案号或案件内部编号')
      .argument('<evidence-id>', '证据编号')
      .requiredOption('--as <user>', '查看人')
      .option('--purpose <purpose>', 'view（查看，默认）或 download（下载）'),
  ).action(async (reference: string, evidenceId: string, options) =>
    (await evidence()).evidenceLinkCommand(globals(), out(), reference, evidenceId, options),
  );
  helped(
    group
      .command('hold')
      .description('对本案全部证据设置（on）或解除（off）法律保留，如案件进入上诉（记入审计链）')
      .argument('<case>', '案号或案件内部编号')
      .argument('<on|off>', 'on 或 off')
      .requiredOption('--as <user>', '操作人（承办人、团队负责人、执行局局长）')
      .requiredOption('--reason <text>', '理由'),
  ).action(async (reference: string, action: string, options) =>
    (await evidence()).evidenceHoldCommand(globals(), out(), reference, action, options),
  );
  helped(
    group
      .command('purge')
      .description('保存期满且未设法律保留的证据：清除其存储内容（记入证据日志；其他任何删除都被拒绝）')
      .argument('<case>', '案号或案件内部编号')
      .argument('<evidence-id>', '证据编号')
      .requiredOption('--as <user>', '操作人（承办人、团队负责人、执行局局长）')
      .requiredOption('--reason <text>', '理由'),
  ).action(async (reference: string, evidenceId: string, options) =>
    (await evidence()).evidencePurgeCommand(globals(), out(), reference, evidenceId, options),
  );
  helped(
    group
      .command('verify')
      .description('逐件重新计算证据的 SHA-256 并核验审计链，指出第一处不一致')
      .argument('<case>', '案号或案件内部编号'),
  ).action(async (reference: string) => (await evidence()).evidenceVerifyCommand(globals(), out(), reference));
  const documents = () => import('./documents.ts');
  helped(
    cli
      .command('documents')
      .description('本案文书：按审计链上的执行行为补齐应签发的文书（编号、签章、存档），并列出全部文书')
      .argument('<case>', '案号或案件内部编号'),
  ).action(async (reference: string) => (await documents()).documentsCommand(globals(), out(), reference));
  helped(
    cli
      .command('document')
      .description('导出一份文书（document <文书编号> --out <文件.pdf>），或核验（document verify <文书编号>）')
      .argument('<id|verify>', '文书编号，或 verify')
      .argument('[id]', 'verify 时的文书编号')
      .option('--out <file>', '导出到该 PDF 文件（不覆盖已有文件）')
      .option('--file <file>', 'verify 时核验这份副本而不是存档'),
  ).action(async (first: string, second: string | undefined, options) =>
    (await documents()).documentCommand(globals(), out(), first, second, options),
  );
  const users = () => import('./users.ts');
  const accounts = helped(
    cli.command('users').description('员工账户：开通、改密码、登记动态口令、停用、列表、审计记录').helpCommand(false),
  );
  const byAdmin = (command: Command) =>
    helped(command)
      .option('--by <admin>', '办理的管理员用户名（核验其密码；第一位管理员创建前不需要）')
      .option('--by-code <code>', '该管理员当前的六位动态口令（已登记时必填）')
      .option('--password-stdin', '从标准输入逐行读取密码（先管理员的密码，再新密码），不经终端提示');
  byAdmin(
    accounts
      .command('add')
      .description('开通账户（人员须在 config/staff.json 名录中）；第一位管理员：users add <用户名> --admin')
      .argument('<user>', '用户名')
      .option('--admin', '管理员账户（管理账户，可不在人员名录中）'),
  ).action(async (user: string, options) => (await users()).usersAddCommand(globals(), out(), user, options));
  byAdmin(
    accounts.command('passwd').description('设置新密码（该用户的会话全部失效）').argument('<user>', '用户名'),
  ).action(async (user: string, options) => (await users()).usersPasswdCommand(globals(), out(), user, options));
  byAdmin(
    accounts
      .command('mfa-enrol')
      .description('为用户登记动态口令（TOTP）：显示一次性的 otpauth:// 链接与密钥，由管理员当面交给本人')
      .argument('<user>', '用户名'),
  ).action(async (user: string, options) => (await users()).usersMfaEnrolCommand(globals(), out(), user, options));
  byAdmin(
    accounts.command('deactivate').description('停用账户：不能再登录，已有会话立即失效').argument('<user>', '用户名'),
  ).action(async (user: string, options) => (await users()).usersDeactivateCommand(globals(), out(), user, options));
  helped(accounts.command('list').description('列出账户：管理员、在用、动态口令、锁定（不显示任何密码或密钥）')).action(
    async () => (await users()).usersListCommand(globals(), out()),
  );
  helped(
    accounts
      .command('audit')
      .description('登录审计记录：登录、失败、锁定、登记、改密码、停用、会话失效（不含任何密码、口令或令牌）')
      .option('--user <user>', '只看该用户')
      .option('--last <n>', '最近的条数（默认 50）'),
  ).action(async (options) => (await users()).usersAuditCommand(globals(), out(), options));
  registerAwsCommands(cli, globals, out, helped);
  measureCommands(cli, helped, globals, out);
  helped(cli.command('verify').description('核验案件审计链（哈希链）').argument('<case>', '案号或案件内部编号')).action(
    lazy('verifyCommand'),
  );
  return cli;
}

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  // Known before parsing, so that even a usage error (an unknown option) answers in JSON under --json.
  const json = argv.includes('--json');
  const cli = program();
  for (const command of json ? allCommands(cli) : [])
    command.configureOutput({ outputError: () => {}, writeErr: () => {} });
  try {
    await cli.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end here too, with exit code 0; commander has already printed them.
      if (json && error.exitCode !== 0)
        writeError(true, error.message.replace(/^error: /, ''), error.exitCode, 'usage');
      return error.exitCode;
    }
    if (error instanceof CliError) {
      writeError(json, error.message, error.exitCode, error.code);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    writeError(json, message, 1);
    if (process.env.ENFORCE_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
