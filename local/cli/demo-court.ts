/**
 * `npm start` (`enforce start`): a ready demo court, served. The first start files the demo's cases into a
 * virtual-clock data directory (./.demo unless --data-dir says otherwise) and plays them as the demo does: the
 * flagship case to its closure, then a loan case left where a team lead's approval is waiting. Later starts serve
 * that directory as it was left. It then serves the staff API and the console as `enforce serve` does, and prints
 * how to sign in and what to try, with commands that work as printed. A court's own data is never touched here:
 * that is `npm run enforce -- serve` on ./.data.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { SimulatorScript } from '#adapters/simulators/partner-simulator.ts';
import { STATUS_LABELS } from '#domain/case/status.ts';
import { chinaTime } from '#domain/timeline/timeline.ts';
import type { EmbeddedRuntime } from '../runtime/runtime.ts';
import { type ServeOptions, serveWith } from './commands.ts';
import { DEMO_START, demoFile, playCase } from './demo.ts';
import { commandLine, DEFAULT_API_PORT, type GlobalOptions } from './options.ts';
import { CliError, type Output } from './output.ts';
import { withRuntime } from './session.ts';

/** Where `npm start` keeps its demo court, beside the production default ./.data. */
export const DEMO_COURT_DIR = '.demo';
/** Written last: a directory without it was interrupted while being prepared. */
const READY_MARKER = 'demo-court.json';
const DAY = 86_400;

/** Who to sign in as in the demo court, and why. */
const DEMO_USERS = [
  ['li-qiang', '团队负责人，有待审批的事项'],
  ['wang-fang', '承办人'],
  ['zhang-wei', '执行局局长'],
  ['zhao-min', '执行指挥中心'],
] as const;

/** The demo's two worlds in one: the flagship respondent and the loan case's, each keyed by ID number. */
function demoCourtScript(): SimulatorScript {
  const flagship = demoFile('flagship-world.json') as SimulatorScript & { respondents: object };
  const loan = demoFile('world.json') as SimulatorScript & { respondents: object };
  return { ...flagship, respondents: { ...flagship.respondents, ...loan.respondents } } as SimulatorScript;
}

/** A progress-only view of `out` for the cases being played: their day-by-day lines stay out of the way. */
function quiet(out: Output): Output {
  return { ...out, progress: () => {}, line: () => {} };
}

async function prepare(globals: GlobalOptions, out: Output, dataDir: string): Promise<void> {
  out.progress(`准备演示法院（虚拟时钟，数据目录 ${dataDir}）：立案并办理演示案件，约需十几秒……`);
  await withRuntime(
    { ...globals, dataDir, clock: 'virtual' },
    out,
    async (runtime) => {
      const flagship = await runtime.intake(demoFile('traffic-accident.event.json'));
      if (flagship.outcome !== 'created') throw new CliError('演示法院立案失败');
      out.progress(`  ${flagship.caseNumber}：交通事故赔偿案，从立案办理到结案……`);
      await playCase(runtime, quiet(out), 'flagship', flagship.caseId);
      await report(runtime, out, flagship.caseId);
      const loan = await runtime.intake(demoFile('loan-repayment.event.json'));
      if (loan.outcome !== 'created') throw new CliError('演示法院立案失败');
      out.progress(`  ${loan.caseNumber}：借款纠纷案，立案、送达、网络查控，至有事项报团队负责人审批……`);
      for (let day = 0; day < 30 && !(await waiting(runtime, loan.caseId)); day++) await runtime.advance(DAY);
      await report(runtime, out, loan.caseId);
    },
    { script: demoCourtScript(), startAt: DEMO_START, quiet: true },
  );
  writeFileSync(join(dataDir, READY_MARKER), `${JSON.stringify({ preparedAt: new Date().toISOString() })}\n`, {
    mode: 0o600,
  });
}

async function waiting(runtime: EmbeddedRuntime, caseId: string): Promise<boolean> {
  const state = await runtime.cases.load(caseId);
  if (!state) return false;
  return (await runtime.deps.approvals.listPending({ court: state.court.code })).some((a) => a.caseId === caseId);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

async function report(runtime: EmbeddedRuntime, out: Output, caseId: string): Promise<void> {
  const state = await runtime.cases.load(caseId);
  if (state) out.progress(`    现在：${STATUS_LABELS[state.status]}（虚拟时钟 ${chinaTime(runtime.clock.now())}）`);
}

export async function startCommand(globals: GlobalOptions, out: Output, options: ServeOptions): Promise<void> {
  const dataDir = resolve(globals.dataDir ?? DEMO_COURT_DIR);
  const hasData = existsSync(join(dataDir, 'enforce.db'));
  if (hasData && !existsSync(join(dataDir, READY_MARKER)))
    throw new CliError(
      `${dataDir} 不是准备好的演示法院（上次准备时被中断，或是别的数据目录）：请删除该目录后重新 npm start，或用 ${commandLine('serve', dataDir)} 服务它`,
    );
  if (!hasData) {
    // A port in use is told before the court is prepared, not after.
    const port = options.port === undefined ? DEFAULT_API_PORT : Number(options.port);
    if (Number.isInteger(port) && port > 0 && !(await portFree(port)))
      throw new CliError(`端口 ${port} 已被占用：请停止占用它的程序，或换一个端口（npm start -- --port 8081）`);
    await prepare(globals, out, dataDir);
  }
  await serveWith({ ...globals, dataDir }, out, options, (url) => {
    out.progress('');
    out.progress(`演示法院已就绪。在浏览器打开 ${url}/console/ ，输入用户名登录（虚拟时钟，无需密码）：`);
    for (const [user, why] of DEMO_USERS) out.progress(`  ${user.padEnd(10)}${why}`);
    out.progress('另开一个终端，可以：');
    out.progress(`  ${commandLine('tasks --as li-qiang', dataDir)}    李强的待审批事项`);
    out.progress(`  ${commandLine('export cases --as zhang-wei --out cases.xlsx', dataDir)}    导出案件清单`);
    out.progress(`控制台页头可让虚拟时钟前进。重新开始：停止后删除 ${dataDir}，再 npm start。`);
  });
}
