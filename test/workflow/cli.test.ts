/** The `enforce` command line as a user meets it: help everywhere, one-line errors, the demo. */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { enforce, enforceJson } from '../support/cli.ts';

const COMMANDS = [
  'intake',
  'cases',
  'case',
  'tasks',
  'decide',
  'claim',
  'assign',
  'reassign',
  'serve',
  'login',
  'clock',
  'pay',
  'run',
  'worker',
  'demo',
  'rules',
  'alerts',
  'rejections',
  'verify',
  'evidence',
  'close',
  'interview',
  'settlement',
  'objection',
  'resume',
  'listing-removal',
  'users',
  'distribution',
  'suspension',
  'reversal',
  'disputes',
  'measures',
  'preservation',
  'limitation-objection',
];
const scratch = mkdtempSync(join(tmpdir(), 'enforce-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('help', () => {
  it('the program lists every command', () => {
    const { code, stdout } = enforce(['--help']);
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toContain(command);
  });

  it.each(COMMANDS)('%s --help explains itself and exits 0', (command) => {
    const { code, stdout, stderr } = enforce([command, '--help']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: enforce/);
    expect(stdout).toMatch(/\p{Script=Han}/u);
  });
});

describe('errors are one clear line and a non-zero exit', () => {
  it.each([
    [['intake', 'no-such-file.json'], /^错误：无法读取文件 no-such-file\.json：文件不存在\n$/],
    [
      ['decide', 'a123', 'maybe', '--as', 'li-qiang'],
      /^错误：决定只能是 approve（同意）或 reject（不同意），收到：maybe\n$/,
    ],
    [['decide', 'a123', 'reject', '--as', 'li-qiang'], /^错误：不同意时须说明理由（--reason）\n$/],
    [
      ['decide', 'a123', 'approve', '--as', 'song-jian', '--refuse', 'fine'],
      /^错误：--refuse 只能是 restriction（限制消费令）或 listing（失信决定书），收到：fine\n$/,
    ],
    [
      ['decide', 'a123', 'approve', '--as', 'song-jian', '--refuse', 'listing'],
      /^错误：不同意其中一项时须说明理由（--reason）\n$/,
    ],
    [
      ['decide', 'a123', 'reject', '--as', 'song-jian', '--refuse', 'listing', '--reason', '情节轻微'],
      /^错误：--refuse 用于同意其余各项时不同意其中一项；全部不同意请用 reject\n$/,
    ],
    [['clock', 'advance', 'soon'], /^错误：时长格式不正确：soon/],
    [['pay', 'x', '12.345'], /^错误：金额格式不正确：12\.345/],
    [['case', 'nope'], /^错误：找不到案件：nope\n$/],
    [
      ['close', 'x', 'termination', '--as', 'wang-fang'],
      /^错误：终结执行须说明事由（--ground）：application-withdrawn（申请执行人撤销申请）；/,
    ],
    [
      ['close', 'x', 'finish', '--as', 'wang-fang'],
      /^错误：未知的结案方式：finish（可选：final-round-closure（终结本次执行程序）/,
    ],
    [
      ['interview', 'x', 'maybe', '--as', 'wang-fang'],
      /^错误：申请执行人意见只能是 agrees（同意终本）或 objects（不同意）/,
    ],
    [['settlement', 'x', '--as', 'wang-fang', '--installment', 'soon'], /^错误：分期格式不正确：soon（应为 日期=金额/],
    [
      ['distribution', 'judgment', 'x', '--upheld', 'maybe', '--judgment', 'j', '--as', 'wang-fang'],
      /^错误：--upheld 只能是 original 或 revised\n$/,
    ],
    [['distribution', 'plan', 'x', '--costs', '1.234', '--as', 'wang-fang'], /^错误：金额格式不正确：1\.234/],
    [
      [
        'objection',
        'file',
        'x',
        'maybe',
        '--asset',
        'a',
        '--by',
        '赵敏',
        '--role',
        'third-party',
        '--grounds',
        'g',
        '--as',
        'wang-fang',
      ],
      /^错误：异议种类只能是 act 或 third-party：maybe\n$/,
    ],
    [
      [
        'objection',
        'file',
        'x',
        'act',
        '--asset',
        'a',
        '--by',
        '赵敏',
        '--role',
        'owner',
        '--grounds',
        'g',
        '--as',
        'wang-fang',
      ],
      /^错误：未知的身份：owner（可选：applicant（申请执行人）/,
    ],
    [
      ['objection', 'rule', 'x', 'o1', 'maybe', '--reasons', 'r', '--as', 'tang-jie'],
      /^错误：裁定结果只能是 upheld 或 dismissed：maybe\n$/,
    ],
  ])('%j', (args, message) => {
    const { code, stdout, stderr } = enforce(['--data-dir', join(scratch, 'errors'), ...args]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });

  it('a malformed intake event: non-zero exit, the field named, nothing written', () => {
    const dir = join(scratch, 'malformed');
    const event = {
      id: 'bad-1',
      source: 'court.filing',
      'detail-type': 'EnforcementCaseFiled',
      detail: { schemaVersion: 1, caseNumber: '' },
    };
    const file = join(scratch, 'bad.json');
    writeFileSync(file, JSON.stringify(event));
    const { code, stderr } = enforce(['--data-dir', dir, 'intake', file]);
    expect(code).toBe(1);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr).toMatch(/^错误：立案事件被拒收（事件 bad-1）：detail\.court: .*detail\.caseNumber: /);
    expect(enforceJson<unknown[]>(['--data-dir', dir, 'cases'])).toEqual([]);
    expect(enforceJson<{ eventId: string }[]>(['--data-dir', dir, 'rejections']).map((r) => r.eventId)).toEqual([
      'bad-1',
    ]);
  });

  it('under --json an error is one JSON document on stderr, usage errors included', () => {
    const dir = join(scratch, 'json-errors');
    const missing = enforce(['--json', '--data-dir', dir, 'case', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(JSON.parse(missing.stderr)).toEqual({ error: { code: 'error', message: '找不到案件：nope', exitCode: 1 } });
    const usage = enforce(['--json', '--data-dir', dir, 'cases', '--bogus']);
    expect(usage.code).not.toBe(0);
    expect(JSON.parse(usage.stderr)).toMatchObject({ error: { code: 'usage' } });
    const plain = enforce(['--data-dir', dir, 'case', 'nope']);
    expect(plain.stderr).toBe('错误：找不到案件：nope\n');
  });

  it('the same filing event twice: the second is answered as a duplicate, not as a new filing', () => {
    const dir = join(scratch, 'duplicate');
    const event = new URL('../../local/demo/loan-repayment.event.json', import.meta.url).pathname;
    const first = enforce(['--data-dir', dir, '--clock', 'virtual', 'intake', event]);
    expect(first.stdout).toMatch(/已立案：/);
    expect(first.stdout).toMatch(/^打开数据目录 .*\n提交立案事件 /);
    const again = enforce(['--data-dir', dir, 'intake', event]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/重复的立案事件：案件（2026）冀0922执301号已存在/);
    expect(again.stdout).not.toMatch(/已立案/);
    expect(enforceJson<{ outcome: string }>(['--data-dir', dir, 'intake', event]).outcome).toBe('duplicate');
    expect(enforceJson<unknown[]>(['--data-dir', dir, 'cases'])).toHaveLength(1);
  });

  it('clock advance over several days prints a line for each day', () => {
    const dir = join(scratch, 'clock-progress');
    expect(enforce(['--data-dir', dir, '--clock', 'virtual', 'clock']).code).toBe(0);
    const moved = enforce(['--data-dir', dir, 'clock', 'advance', '3d']);
    expect(moved.stdout.match(/时钟已到 .*（第 \d\/3 天）/g)).toHaveLength(3);
  });

  it('a data directory in use by another process is refused, naming it', async () => {
    const { start, killed } = await import('../support/cli.ts');
    const dir = join(scratch, 'busy');
    const worker = await start(['--data-dir', dir, 'worker'], /运行中/);
    try {
      const { code, stderr } = enforce(['--data-dir', dir, 'run']);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^错误：数据目录正被另一个进程（pid \d+）使用/);
      // A read opens the database read-only beside the worker.
      const read = enforce(['--data-dir', dir, 'cases']);
      expect(read.stderr).toBe('');
      expect(read.stdout).toContain('没有案件');
    } finally {
      await killed(worker);
    }
  });

  it('while enforce serve holds the data directory, tasks and decide go through it; other commands say so', async () => {
    const { start, killed } = await import('../support/cli.ts');
    const dir = join(scratch, 'served');
    const args = ['--data-dir', dir];
    const created = enforce([
      ...args,
      '--clock',
      'virtual',
      '--start-at',
      '2026-03-02T09:00:00+08:00',
      '--simulator',
      'test/fixtures/simulator-world.json',
      'intake',
      'test/fixtures/intake/v1/loan-repayment.json',
    ]);
    expect(created.code).toBe(0);
    expect(enforce([...args, 'clock', 'advance', '5d']).code).toBe(0);
    const server = await start([...args, 'serve', '--port', '0'], /员工接口已启动/);
    try {
      const tasks = enforceJson<{ approvalId: string; step: string }[]>([...args, 'tasks', '--as', 'li-qiang']);
      expect(tasks.map((t) => t.step)).toEqual(['control-plan']);
      const refused = enforce([...args, 'decide', tasks[0]?.approvalId ?? '', 'approve', '--as', 'cao-yue']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^错误：审批未生效：/);
      expect(refused.stderr).not.toMatch(/HTTP|40\d/);
      // Under --json the error is JSON too, with the API's code (the status stays out of staff text).
      const refusedJson = enforce([
        '--json',
        ...args,
        'decide',
        tasks[0]?.approvalId ?? '',
        'approve',
        '--as',
        'cao-yue',
      ]);
      expect(refusedJson.code).toBe(1);
      expect(JSON.parse(refusedJson.stderr)).toMatchObject({ error: { code: 'forbidden', exitCode: 1 } });
      const decided = enforce([...args, 'decide', tasks[0]?.approvalId ?? '', 'approve', '--as', 'li-qiang']);
      expect(decided.stderr).toBe('');
      expect(decided.code).toBe(0);
      const login = enforceJson<{ token: string; url: string }>([...args, 'login', '--as', 'li-qiang']);
      const me = await fetch(`${login.url}/me`, { headers: { authorization: `Bearer ${login.token}` } });
      expect(await me.json()).toMatchObject({ userId: 'li-qiang', roles: ['team-lead'], court: 'HB0922' });
      // Reads open the database read-only beside the server; anything that would write is refused.
      const read = enforce([...args, 'cases']);
      expect(read.stderr).toBe('');
      expect(read.stdout).toContain('（2026）冀0922执301号');
      const busy = enforce([...args, 'clock', 'advance', '1d']);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/^错误：数据目录正由员工接口服务使用/);
    } finally {
      await killed(server);
    }
    const log = readFileSync(join(dir, 'logs', 'enforcement.log'), 'utf8');
    expect(log).toMatch(/"message":"access".*"route":"\/tasks\/\{approvalId\}\/decision","status":200/);
  });

  it('refuses to move a real clock', () => {
    const { code, stderr } = enforce(['--data-dir', join(scratch, 'real'), 'clock', 'advance', '1d']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/真实时钟/);
  });
});

describe('the demo', () => {
  it('piped into a reader that stops early (| head): no EPIPE trace, exit 0, and the case still runs to its end', async () => {
    const dir = join(scratch, 'demo-piped');
    const child = spawn(process.execPath, ['bin/enforce.ts', '--data-dir', dir, 'demo'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    // The reader takes the first chunk and closes its end, as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
    expect(enforceJson<{ status: string }[]>(['--data-dir', dir, 'cases'])).toMatchObject([{ status: 'closed' }]);
  });

  it('runs a case from the intake event to closure and prints its timeline', () => {
    const dir = join(scratch, 'demo');
    const { code, stdout, stderr } = enforce(['--data-dir', dir, 'demo', '--scenario', 'deduction']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const line of [
      '立案：',
      '繁简分流',
      '送达回执',
      '查控反馈',
      '提请审批',
      '同意',
      '冻结：',
      '案款到账',
      '发放：',
      '结案：执行完毕',
      '审计链：完整',
    ]) {
      expect(stdout).toContain(line);
    }
    // The state is in the SQLite database; no embedded DynamoDB ran.
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['enforce.db', 'logs']));
    expect(readdirSync(dir)).not.toContain('db');
  });

  it('the flagship (the default): accounts deducted, the flat sealed by entrustment, detention, auction, the rest paid; its whole document set issued', () => {
    const { code, stdout } = enforce(['--data-dir', join(scratch, 'demo-flagship'), 'demo']);
    expect(code).toBe(0);
    // Coercion and disposal run side by side: each keeps its own order, and both end before the case closes.
    const inOrder = (lines: readonly string[]) => {
      const order = lines.map((line) => stdout.indexOf(line));
      expect(
        order.every((at) => at >= 0),
        lines.join(' / '),
      ).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    };
    const control = ['冻结：中国工商银行', '执行事项委托：委托黑龙江省某县人民法院办理查封', '节点完成：委托事项办结'];
    const closing = ['被执行人主动履行', '结案：执行完毕', '解除限制消费令（C5：已全部履行）'];
    inOrder([
      ...control,
      // M-RELIEF: the applicant's judicial relief (50,000.00 yuan, paid on 3 March) is repaid first from the payout.
      '发放：沈立新 48,750.00元',
      '发放：扣回司法救助金（沈立新名下） 50,000.00元',
      '院长决定（宋健）：限制消费令同意签发',
      '发出限制消费令（C4）',
      '有履行能力而拒不履行生效法律文书确定义务',
      '院长决定（宋健）：失信决定书同意签发',
      '院长审批同意：司法拘留',
      '被拘留人已交公安机关看管',
      '提前解除拘留',
      ...closing,
    ]);
    inOrder([...control, '发布拍卖公告', '拍卖成交：', '拍卖成交裁定已送达（E11）', ...closing]);
    inOrder(['司法救助金50,000.00元已从救助资金中发放', '发放：扣回司法救助金（沈立新名下） 50,000.00元', ...closing]);
    // F-DELAY-INTEREST by hand, from the end of the performance period (22 January), rounded once to the fen:
    // 1,036,000 × 56 days to the deduction on 19 March × 0.000175 = 10,152.80; 937,250 × 44 days to the auction money
    // on 2 May = 7,216.825; 267,399.54 × 1 day to the respondent's payment on 3 May = 46.7949; 17,416.42 in all.
    expect(stdout).toContain(
      '迟延履行期间的加倍部分债务利息（F-DELAY-INTEREST，日万分之一点七五，2026-01-22至2026-05-03）：17,416.42元',
    );
    // F1-FEE by hand on 1,053,416.42 executed: 50 + 1.5% of 490,000 (7,350) + 1% of 553,416.42 (5,534.16).
    expect(stdout).toContain(
      '申请执行费（F1-FEE，按执行金额1,053,416.42元计算，由被执行人负担）：12,934.16元，已收取12,934.16元',
    );
    expect(stdout).toContain(
      '执行标的：1,036,000.00元  已到账：1,066,350.58元  已发放：1,066,350.58元  账户余额：0.00元',
    );
    expect(stdout).toContain('申请执行人共受偿1,053,416.42元');
    expect(stdout).not.toMatch(/系统：\n/);

    // Issue 16's "must show": the flagship's whole document set, each numbered once, signed and hashed on the journal.
    const caseId = /继续查看：.* case (\S+)$/m.exec(stdout)?.[1] ?? '';
    const listing = enforceJson<{
      documents: readonly { docId: string; kind: string; number: string; sha256: string }[];
      problems: readonly unknown[];
    }>(['--data-dir', join(scratch, 'demo-flagship'), 'documents', caseId]);
    expect(listing.problems).toEqual([]);
    expect(new Set(listing.documents.map((d) => d.kind))).toEqual(
      new Set([
        'enforcement-notice',
        'asset-report-order',
        'freeze-ruling',
        'seal-ruling',
        // The accounts' deduction orders carry their rulings (划拨) and notices.
        'deduction-ruling',
        'assistance-notice',
        'entrustment-letter',
        'restriction-order',
        'listing-decision',
        'detention-decision',
        'early-release-decision',
        'auction-notice',
        'sale-confirmation-ruling',
        'closure-notice',
        // The applicant's judicial relief, decided in the flagship, is made in writing.
        'relief-decision',
      ]),
    );
    expect(new Set(listing.documents.map((d) => d.number)).size).toBe(listing.documents.length);
    for (const document of listing.documents) {
      expect(document.number).toMatch(/^（2026）冀0922[^\d]+\d+号$/);
      const verified = enforce(['--data-dir', join(scratch, 'demo-flagship'), 'document', 'verify', document.docId]);
      expect(verified.code, `${document.kind}: ${verified.stderr}`).toBe(0);
      expect(verified.stdout).toContain(`SHA-256 ${document.sha256}`);
      expect(verified.stdout).toContain('核验通过：与审计链记录一致，电子签名有效');
    }
  }, 180_000);

  it('the voluntary-payment scenario closes without freezing anything', () => {
    const { code, stdout } = enforce([
      '--data-dir',
      join(scratch, 'demo-voluntary'),
      'demo',
      '--scenario',
      'voluntary',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('被执行人主动履行');
    expect(stdout).not.toContain('冻结：');
    expect(stdout).toContain('结案：执行完毕');
  });

  it('the referral scenario goes through restriction, listing, a fine and the police before the respondent pays', () => {
    const { code, stdout } = enforce(['--data-dir', join(scratch, 'demo-referral'), 'demo', '--scenario', 'referral']);
    expect(code).toBe(0);
    const order = [
      '冻结未成功',
      '报请院长签发：限制消费令',
      '院长决定（宋健）：限制消费令同意签发',
      '发出限制消费令（C4）',
      '隐匿、转移财产',
      '报请院长签发：纳入失信被执行人名单2年的决定书',
      '院长决定（宋健）：失信决定书同意签发',
      '纳入失信被执行人名单2年，至',
      '院长审批同意：罚款20,000.00元',
      '移送公安机关追究拒不执行判决、裁定罪（D1）',
      '公安机关决定不予立案',
      '请求检察机关进行立案监督（D3）',
      '公安机关决定立案',
      '解除限制消费令（C5：已全部履行）',
      '节点完成：删除失信信息',
      '结案：执行完毕',
    ].map((line) => stdout.indexOf(line));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('evidence from the command line', () => {
  it('add, list and verify; then an object rewritten in the data directory is named by evidence verify', () => {
    // Prepare
    const dir = join(scratch, 'evidence');
    const photo = join(scratch, 'seizure.jpg');
    writeFileSync(photo, Buffer.alloc(3000, 7));
    const caseNumber = '（2026）冀0922执301号';
    enforce(['--data-dir', dir, '--clock', 'virtual', 'intake', 'test/fixtures/intake/v1/loan-repayment.json']);

    // Act
    const added = enforceJson<{ evidenceId: string }>([
      '--data-dir',
      dir,
      'evidence',
      'add',
      caseNumber,
      photo,
      '--step',
      'seizure',
      '--as',
      'fan-tao',
      '--description',
      '查封现场',
    ]);
    const refused = enforce([
      '--data-dir',
      dir,
      'evidence',
      'add',
      caseNumber,
      photo,
      '--step',
      'seizure',
      '--as',
      'qian-lei',
    ]);
    const listed = enforce(['--data-dir', dir, 'evidence', 'list', caseNumber]);
    const clean = enforce(['--data-dir', dir, 'evidence', 'verify', caseNumber]);
    const purge = ['--data-dir', dir, 'evidence', 'purge', caseNumber, added.evidenceId, '--as', 'wang-fang'];
    const purged = enforce([...purge, '--reason', '清理']);
    // The one object in the evidence vault's files, rewritten (it is read-only: its owner makes it writable first).
    const objects = join(dir, 'evidence', 'objects');
    const [object] = readdirSync(objects);
    chmodSync(join(objects, object ?? ''), 0o600);
    writeFileSync(join(objects, object ?? ''), Buffer.alloc(3000, 8));
    const tampered = enforce(['--data-dir', dir, 'evidence', 'verify', caseNumber]);

    // Assess
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('错误：没有该案件\n');
    expect(listed.stdout).toContain(added.evidenceId);
    expect(listed.stdout).toContain('已入卷');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('证据核验通过：1 件证据与入卷记录一致');
    expect(purged.code).toBe(1);
    expect(purged.stderr).toMatch(
      new RegExp(`^错误：不能清除证据 ${added.evidenceId}：证据保存期至 .*，期满前不能清除\n$`),
    );
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(
      new RegExp(
        `^错误：案件 ${caseNumber.replace(/[()（）]/g, '.')} 证据核验未通过：证据 ${added.evidenceId}「查封现场」：存储内容的 SHA-256`,
      ),
    );
    expect(tampered.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('closing work from the command line', () => {
  it('a settlement recorded through the staff API; a closure that does not fit refused with its reason; the case shows it', () => {
    const dir = join(scratch, 'closing');
    const world = join(scratch, 'nothing.json');
    writeFileSync(world, JSON.stringify({ respondents: { '130922199001010030': { eService: 'ok', assets: [] } } }));
    const args = ['--data-dir', dir];
    const created = enforce([
      ...args,
      '--clock',
      'virtual',
      '--start-at',
      '2026-03-02T09:00:00+08:00',
      '--simulator',
      world,
      'intake',
      'test/fixtures/intake/v1/loan-repayment.json',
    ]);
    expect(created.code).toBe(0);
    expect(enforce([...args, 'clock', 'advance', '5d']).code).toBe(0);
    const number = '（2026）冀0922执301号';
    const wrong = enforce([
      ...args,
      'close',
      number,
      'non-enforcement',
      '--ground',
      'award-not-enforced',
      '--as',
      'wang-fang',
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(
      '错误：未能提出结案申请：不能以不予执行方式结案：不予执行只适用于仲裁裁决或公证债权文书（G1）\n',
    );
    const settled = enforce([
      ...args,
      'settlement',
      number,
      '--as',
      'wang-fang',
      '--installment',
      '2026-04-10=20000.00',
      '--installment',
      // What is owed that day: 51,650.00 yuan, its doubled interest and the fee (F-DELAY-INTEREST, F1-FEE).
      '2026-05-11=32736.96',
    ]);
    expect(settled.stderr).toBe('');
    expect(settled.stdout).toContain('已记录执行和解协议：2期，合计52,736.96元');
    const shown = enforce([...args, 'case', number]);
    expect(shown.stdout).toContain('状态：执行和解履行中');
    expect(shown.stdout).toContain('执行和解：履行中，共2期合计52,736.96元，已履行0期');
    expect(shown.stdout).toContain('执行和解第2期');
    // 执行和解规定 第九条: resumption is the applicant's, after a breach; the agreement is still being performed.
    const early = enforce([...args, 'resume', number, '--as', 'wang-fang']);
    expect(early.code).toBe(1);
    expect(early.stderr).toBe(
      '错误：未记录恢复执行申请：不能申请恢复执行：只有被执行人不履行执行和解协议的，申请执行人才可申请恢复执行（G1-SETTLEMENT）\n',
    );
    // C6 第十条第一款第三项: only a listing can be removed on the applicant's request.
    const unlisted = enforce([...args, 'listing-removal', number, '--as', 'wang-fang']);
    expect(unlisted.code).toBe(1);
    expect(unlisted.stderr).toBe(
      '错误：未记录删除失信信息的申请：不能记录删除失信信息的申请：被执行人未被纳入失信被执行人名单\n',
    );
  });

  it('a third party’s objection registered and ruled on through the staff API; the case shows the period that runs', () => {
    const dir = join(scratch, 'objection');
    const world = join(scratch, 'flat.json');
    const flat = '冀(2024)青县不动产权第0501号';
    writeFileSync(
      world,
      JSON.stringify({
        respondents: {
          '130922199001010030': {
            eService: 'ok',
            assets: [{ channel: 'real-estate-registry', class: 'real-estate', reference: flat, valueFen: 90_000_000 }],
          },
        },
      }),
    );
    const args = ['--data-dir', dir];
    const created = enforce([
      ...args,
      '--clock',
      'virtual',
      '--start-at',
      '2026-03-02T09:00:00+08:00',
      '--simulator',
      world,
      'intake',
      'test/fixtures/intake/v1/loan-repayment.json',
    ]);
    expect(created.code).toBe(0);
    const number = '（2026）冀0922执301号';
    // The control plan (seal the flat) waits for the team lead; approved, the flat is sealed within a day or two.
    expect(enforce([...args, 'clock', 'advance', '5d']).code).toBe(0);
    for (const task of enforceJson<{ approvalId: string }[]>([...args, 'tasks', '--as', 'li-qiang']))
      expect(enforce([...args, 'decide', task.approvalId, 'approve', '--as', 'li-qiang']).code).toBe(0);
    expect(enforce([...args, 'clock', 'advance', '2d']).code).toBe(0);
    const { case: state } = enforceJson<{
      case: { assets: Record<string, { assetId: string; status: string; reference: string }> };
    }>([...args, 'case', number]);
    const assetId =
      Object.values(state.assets).find((a) => a.reference === flat && a.status === 'sealed')?.assetId ?? '';
    expect(assetId).not.toBe('');
    const filed = enforce([
      ...args,
      'objection',
      'file',
      number,
      'third-party',
      '--asset',
      assetId,
      '--by',
      '赵敏',
      '--role',
      'third-party',
      '--grounds',
      '借名登记，实际所有人为本人',
      '--as',
      'wang-fang',
    ]);
    expect(filed.stderr).toBe('');
    expect(filed.stdout).toMatch(/^异议 o[a-z2-7]{11}：审查中（期限至\d{4}-\d{2}-\d{2}）$/m);
    const objectionId = /异议 (o[a-z2-7]{11})/.exec(filed.stdout)?.[1] ?? '';
    const refused = enforce([
      ...args,
      'objection',
      'rule',
      number,
      objectionId,
      'upheld',
      '--reasons',
      '证据充分',
      '--as',
      'wang-fang',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('所属角色无此权限');
    const ruled = enforce([
      ...args,
      'objection',
      'rule',
      number,
      objectionId,
      'upheld',
      '--reasons',
      '证据充分',
      '--as',
      'zhang-wei',
    ]);
    expect(ruled.stderr).toBe('');
    expect(ruled.stdout).toMatch(/：已裁定，期间进行中（期间至\d{4}-\d{2}-\d{2}）/);
    const shown = enforce([...args, 'case', number]);
    expect(shown.stdout).toContain(
      `案外人异议 ${objectionId}：赵敏，不动产登记中心${flat}，已裁定，期间进行中（期间至`,
    );
  });
});
