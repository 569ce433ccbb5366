/** What each CLI command does. Every command opens the data directory, does one thing, closes it. */

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { APPROVAL_STEPS, isApprovalStep } from '#domain/approvals/policy.ts';
import { verifyChain } from '#domain/case/journal.ts';
import type { ConductKind, EnforcementCase } from '#domain/case/model.ts';
import { isLate } from '#domain/case/nodes.ts';
import { accountBalance, ledgerTotal, totalDisbursed, totalReceived } from '#domain/case/reducer.ts';
import { CASE_STATUSES, type CaseStatus, STATUS_LABELS } from '#domain/case/status.ts';
import { FEE_PAYEE, owed } from '#domain/disbursement/owed.ts';
import { fen, formatYuan } from '#domain/money.ts';
import { ROLE_LABELS, type Role } from '#domain/staff/roles.ts';
import {
  ASSET_CLASS_LABELS,
  ASSET_STATUS_LABELS,
  CLOSURE_LABELS,
  CONDUCT_LABELS,
  KIND_LABELS,
  nodeLabel,
  OPINION_LABELS,
  TRACK_LABELS,
} from '#domain/timeline/labels.ts';
import { measureLines } from '#domain/timeline/measures.ts';
import { stepErrorLabel } from '#domain/timeline/step-errors.ts';
import { chinaTime, timeline } from '#domain/timeline/timeline.ts';
import type { Approval } from '#ports/approval-store.ts';
import { type ListeningOptions, ListenRefusedError } from '../api/listening.ts';
import type { OidcOptions } from '../api/oidc.ts';
import { parseDuration } from '../runtime/clock.ts';
import type { EmbeddedRuntime } from '../runtime/runtime.ts';
import { withApi } from './api-client.ts';
import { disputeLines } from './distribution.ts';
import { objectionLines } from './objections.ts';
import { commandLine, DEFAULT_API_PORT } from './options.ts';
import { CliError, type Output, pad, parseYuan } from './output.ts';
import { type ReadSide, withReader } from './reader.ts';
import { dataDirOf, findCase, type GlobalOptions, namesOf, readJsonFile, withRuntime } from './session.ts';
import { untilStopSignal } from './stop-signal.ts';

export async function intakeCommand(globals: GlobalOptions, out: Output, file: string): Promise<void> {
  const event = readJsonFile(file);
  out.progress(`打开数据目录 ${dataDirOf(globals)}……`);
  await withRuntime(globals, out, async (runtime) => {
    out.progress(`提交立案事件 ${file}：审查、立案、分案，并运行随即开始的流程……`);
    const outcome = await runtime.intake(event);
    out.result(outcome, () => {
      if (outcome.outcome === 'created') out.line(`已立案：${outcome.caseNumber}（案件内部编号 ${outcome.caseId}）`);
      if (outcome.outcome === 'duplicate')
        out.line(`重复的立案事件：案件${outcome.caseNumber}已存在（${outcome.caseId}），未重复立案`);
    });
    if (outcome.outcome === 'rejected') {
      throw new CliError(`立案事件被拒收（事件 ${outcome.eventId}）：${outcome.reasons.join('；')}`);
    }
  });
}

async function allCases(runtime: ReadSide, status?: CaseStatus): Promise<EnforcementCase[]> {
  const statuses = status ? [status] : CASE_STATUSES;
  const found: EnforcementCase[] = [];
  for (const court of runtime.staff.document.courts) {
    for (const s of statuses) {
      for (const summary of await runtime.cases.list({ court: court.code, status: s, limit: 1000 })) {
        const state = await runtime.cases.load(summary.caseId);
        if (state) found.push(state);
      }
    }
  }
  return found.sort((a, b) => a.filedAt.localeCompare(b.filedAt));
}

export async function casesCommand(globals: GlobalOptions, out: Output, options: { status?: string }): Promise<void> {
  const status = options.status;
  if (status && !CASE_STATUSES.includes(status as CaseStatus)) {
    throw new CliError(`未知的状态：${status}（可选：${CASE_STATUSES.join('、')}）`, 2);
  }
  await withReader(globals, out, async (runtime) => {
    const cases = await allCases(runtime, status as CaseStatus | undefined);
    const names = namesOf(runtime);
    out.result(
      cases.map((c) => ({
        caseId: c.caseId,
        caseNumber: c.caseNumber,
        status: c.status,
        officer: c.officer,
        team: c.team,
        claimFen: c.claim.totalFen,
        filedAt: c.filedAt,
      })),
      () => {
        if (cases.length === 0) return out.line('没有案件。');
        out.line(`${pad('案号', 28)}${pad('状态', 18)}${pad('承办人', 10)}${pad('执行标的', 18)}立案时间`);
        for (const c of cases) {
          out.line(
            `${pad(c.caseNumber, 28)}${pad(STATUS_LABELS[c.status], 18)}${pad(c.officer ? names.member(c.officer) : '—', 10)}${pad(formatYuan(c.claim.totalFen), 18)}${chinaTime(c.filedAt)}`,
          );
        }
        out.line(`共 ${cases.length} 件`);
      },
    );
  });
}

export async function caseCommand(globals: GlobalOptions, out: Output, reference: string): Promise<void> {
  await withReader(globals, out, async (runtime) => {
    const state = await findCase(runtime, reference);
    const commits = await runtime.cases.history(state.caseId);
    const names = namesOf(runtime);
    const lines = timeline(commits, names);
    const counters = await runtime.runtimeStore.counters(state.caseId);
    const chain = verifyChain(commits, state);
    out.result({ case: state, timeline: lines, counters, chain }, () => {
      out.line(`案号：${state.caseNumber}（${state.caseId}）  ${state.court.name}  ${KIND_LABELS[state.kind]}`);
      out.line(
        `状态：${STATUS_LABELS[state.status]}${state.closure ? `（${CLOSURE_LABELS[state.closure.way]}）` : ''}`,
      );
      for (const line of closureLines(state)) out.line(line);
      for (const line of measureLines(state)) out.line(line);
      if (state.track)
        out.line(
          `分流：${TRACK_LABELS[state.track]}  团队：${names.team(state.team ?? '')}  承办人：${names.member(state.officer ?? '')}`,
        );
      out.line(
        `申请执行人：${state.applicants.map((p) => p.name).join('、')}  被执行人：${state.respondents.map((p) => p.name).join('、')}`,
      );
      out.line(
        `执行标的：${formatYuan(state.claim.totalFen)}  已到账：${formatYuan(fen(totalReceived(state)))}  已发放：${formatYuan(fen(totalDisbursed(state)))}  账户余额：${formatYuan(fen(Math.max(0, accountBalance(state))))}`,
      );
      for (const line of moneyLines(state)) out.line(line);
      if (state.attention) out.line(`需人工处理：${stepErrorLabel(state.attention.error)}：${state.attention.cause}`);
      out.line('');
      out.line('时间节点：');
      for (const node of Object.values(state.nodes)) {
        const status =
          node.status === 'met'
            ? isLate(node)
              ? '逾期完成'
              : '已完成'
            : node.status === 'overdue'
              ? '已逾期'
              : '进行中';
        const flag = node.unconfirmedYears.length > 0 ? `  【${node.unconfirmedYears.join('、')}年节假日未确认】` : '';
        out.line(
          `  ${pad(nodeLabel(node.node), 30)}${pad(`期限 ${node.dueDate}`, 18)}${pad(status, 10)}规则 ${node.ruleId}${flag}`,
        );
      }
      const assets = Object.values(state.assets);
      if (assets.length > 0) {
        out.line('');
        out.line('财产：');
        for (const a of assets) {
          out.line(
            `  ${pad(ASSET_CLASS_LABELS[a.class], 10)}${pad(`${a.institution} ${a.reference}`, 40)}${a.balanceFen !== undefined ? pad(`余额 ${formatYuan(a.balanceFen)}`, 22) : pad('', 22)}${ASSET_STATUS_LABELS[a.status]}${a.freezeExpiresOn && a.status !== 'deducted' ? `，${a.seizedOn ? `${a.seizedOn}起` : ''}期限至${a.freezeExpiresOn}` : ''}${a.renewals ? `，已续行${a.renewals}次` : ''}${a.renewal && (a.status === 'frozen' || a.status === 'sealed') ? `，${a.renewal.sendOn}续行${a.renewal.attempts > 0 ? `（已发出${a.renewal.attempts}次）` : ''}` : ''}`,
          );
        }
      }
      out.line('');
      out.line('时间线：');
      for (const line of lines) out.line(`  ${line.at}  ${line.actor}：${line.text}`);
      if (counters) {
        out.line('');
        out.line(
          `运行计数：流程执行 ${counters.executions}，状态转换 ${counters.transitions}，步骤调用 ${counters.invocations}，存储操作 ${counters.storeOperations}`,
        );
      }
      out.line(
        chain.ok ? `审计链：完整（${chain.commits} 条记录）` : `审计链：第 ${chain.seq} 条记录异常：${chain.problem}`,
      );
    });
  });
}

interface TaskLine {
  readonly approvalId: string;
  readonly caseNumber: string;
  readonly step: string;
  readonly stepLabel?: string;
  readonly requiredRole: Role;
  readonly dueAt: string;
  readonly summary: string;
  readonly requester: string;
  readonly assignee?: string;
  readonly amountFen?: number;
  readonly status?: string;
}

function printTasks(out: Output, tasks: readonly TaskLine[], now: string, name: (id: string) => string): void {
  for (const a of tasks) {
    const label = a.stepLabel ?? (isApprovalStep(a.step) ? APPROVAL_STEPS[a.step].label : a.step);
    const overdue = a.dueAt < now ? '（已逾期）' : '';
    const holder = a.assignee ? `  办理人：${name(a.assignee)}` : '';
    out.line(
      `${a.approvalId}  ${a.caseNumber}  ${label}  审批人：${ROLE_LABELS[a.requiredRole]}  期限：${chinaTime(a.dueAt)}${overdue}${holder}`,
    );
    const amount = a.amountFen !== undefined ? `；待核对金额 ${formatYuan(fen(a.amountFen))}` : '';
    out.line(`    ${a.summary}（提请人：${name(a.requester)}）${amount}`);
  }
}

/**
 * Without `--as`: every pending approval of every court, read from the data directory (the operator's view).
 * With `--as`: that user's tasks, through the staff API (the running server's, or in process).
 */
export async function tasksCommand(
  globals: GlobalOptions,
  out: Output,
  options: { as?: string; scope?: string; case?: string },
): Promise<void> {
  if (options.as) {
    const query = new URLSearchParams({
      ...(options.scope ? { scope: options.scope } : {}),
      ...(options.case ? { caseId: options.case } : {}),
    });
    await withApi(
      globals,
      out,
      options.as,
      async ({ call, runtime }) => {
        const items: TaskLine[] = [];
        let cursor: string | undefined;
        do {
          const page = await call<{ items: TaskLine[]; nextCursor?: string }>(
            'GET',
            `/tasks?${new URLSearchParams({ ...Object.fromEntries(query), ...(cursor ? { cursor } : {}) })}`,
          );
          items.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        const name = (id: string) => runtime?.staff.memberName(id) ?? id;
        out.result(items, () => {
          if (items.length === 0) return out.line(`${name(options.as ?? '')}没有待审批事项。`);
          printTasks(out, items, new Date().toISOString(), name);
        });
      },
      { quiet: true },
    );
    return;
  }
  await withReader(globals, out, async (runtime) => {
    const pending: Approval[] = [];
    for (const court of runtime.staff.document.courts)
      pending.push(...(await runtime.deps.approvals.listPending({ court: court.code })));
    out.result(pending, () => {
      if (pending.length === 0) return out.line('没有待审批事项。');
      printTasks(out, pending, runtime.clock.now(), (id) => runtime.staff.memberName(id));
    });
  });
}

/**
 * Step-specific decision data from the options: for a fine or detention the days or amount decided (C1), for a
 * disbursement the total the approver confirms.
 */
function decisionData(
  step: string | undefined,
  options: { days?: string; amount?: string; start?: string; deposit?: string },
): Record<string, number> | undefined {
  if ([options.days, options.amount, options.start, options.deposit].every((o) => o === undefined)) return undefined;
  if (step === 'auction-terms') {
    if (options.days !== undefined || options.amount !== undefined)
      throw new CliError('拍卖条件审批只接受 --start（起拍价）和 --deposit（保证金）', 2);
    return {
      ...(options.start !== undefined ? { startingPriceFen: parseYuan(options.start) } : {}),
      ...(options.deposit !== undefined ? { depositFen: parseYuan(options.deposit) } : {}),
    };
  }
  if (options.start !== undefined || options.deposit !== undefined)
    throw new CliError('--start、--deposit 只适用于拍卖条件审批', 2);
  if (step !== 'sanction') {
    if (options.days !== undefined) throw new CliError('--days 只适用于罚款、拘留审批', 2);
    return { confirmedAmountFen: parseYuan(options.amount ?? '') };
  }
  if (options.days !== undefined && !/^\d+$/.test(options.days)) {
    throw new CliError(`拘留日数须为整数，收到：${options.days}`, 2);
  }
  return {
    ...(options.days !== undefined ? { days: Number(options.days) } : {}),
    ...(options.amount !== undefined ? { amountFen: parseYuan(options.amount) } : {}),
  };
}

/**
 * C4, C6: the president signs a proposal but refuses one of its measures (`--refuse restriction|listing`), with the
 * reason; the API checks that the measure was proposed.
 */
function refusedMeasure(
  refuse: string | undefined,
  decision: 'approved' | 'rejected',
  reason: string | undefined,
): Record<string, boolean> | undefined {
  if (refuse === undefined) return undefined;
  if (refuse !== 'restriction' && refuse !== 'listing')
    throw new CliError(`--refuse 只能是 restriction（限制消费令）或 listing（失信决定书），收到：${refuse}`, 2);
  if (decision !== 'approved')
    throw new CliError('--refuse 用于同意其余各项时不同意其中一项；全部不同意请用 reject', 2);
  if (!reason) throw new CliError('不同意其中一项时须说明理由（--reason）', 2);
  return { [refuse]: false };
}

/** A decision through the staff API: the decision route, served by the settle function. */
export async function decideCommand(
  globals: GlobalOptions,
  out: Output,
  approvalId: string,
  decision: string,
  options: {
    as: string;
    reason?: string;
    days?: string;
    amount?: string;
    start?: string;
    deposit?: string;
    refuse?: string;
  },
): Promise<void> {
  const mapped = decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : undefined;
  if (!mapped) throw new CliError(`决定只能是 approve（同意）或 reject（不同意），收到：${decision}`, 2);
  if (mapped === 'rejected' && !options.reason) throw new CliError('不同意时须说明理由（--reason）', 2);
  const refused = refusedMeasure(options.refuse, mapped, options.reason);
  await withApi(globals, out, options.as, async ({ call }) => {
    const step = [options.days, options.amount, options.start, options.deposit].some((o) => o !== undefined)
      ? (
          await call<{ task: TaskLine }>('GET', `/tasks/${encodeURIComponent(approvalId)}`).catch((error: CliError) => {
            throw new CliError(`审批未生效：${error.message}`, 1, error.code);
          })
        ).task.step
      : undefined;
    const data = refused ?? decisionData(step, options);
    const result = await call('POST', `/tasks/${encodeURIComponent(approvalId)}/decision`, {
      decision: mapped,
      ...(options.reason ? { reason: options.reason } : {}),
      ...(data ? { data } : {}),
    }).catch((error: CliError) => {
      throw new CliError(`审批未生效：${error.message}`, 1, error.code);
    });
    const verb = mapped === 'approved' ? '同意' : '不同意';
    // E8-PANEL: a panel member's decision is a vote until the panel's majority agrees.
    const panel = (result as { panel?: { votes: number; needed: number; decided?: boolean } }).panel;
    out.result(result, () =>
      out.line(
        panel && !panel.decided
          ? `已表决（合议庭评议）：${verb}；已有${panel.votes}名成员表决，须${panel.needed}名成员意见一致方可决定：审批事项 ${approvalId}`
          : `已${verb}：审批事项 ${approvalId}${panel ? `（合议庭${panel.votes}名成员表决，多数意见）` : ''}`,
      ),
    );
  });
}

export async function claimCommand(
  globals: GlobalOptions,
  out: Output,
  approvalId: string,
  options: { as: string; release?: boolean },
): Promise<void> {
  await withApi(globals, out, options.as, async ({ call }) => {
    const task = await call<TaskLine>(
      'POST',
      `/tasks/${encodeURIComponent(approvalId)}/${options.release ? 'unclaim' : 'claim'}`,
    );
    out.result(task, () => out.line(`${options.release ? '已放弃认领' : '已认领'}：审批事项 ${approvalId}`));
  });
}

export async function assignCommand(
  globals: GlobalOptions,
  out: Output,
  approvalId: string,
  to: string,
  options: { as: string; reason?: string },
): Promise<void> {
  await withApi(globals, out, options.as, async ({ call }) => {
    const task = await call<TaskLine>('POST', `/tasks/${encodeURIComponent(approvalId)}/assign`, {
      to,
      ...(options.reason ? { reason: options.reason } : {}),
    });
    out.result(task, () => out.line(`已指派：审批事项 ${approvalId} → ${to}`));
  });
}

export async function reassignCommand(
  globals: GlobalOptions,
  out: Output,
  options: { as: string; from: string; to: string; reason?: string },
): Promise<void> {
  await withApi(globals, out, options.as, async ({ call }) => {
    const result = await call<{ moved: TaskLine[]; skipped: { approvalId: string; reason: string }[] }>(
      'POST',
      '/reassignments',
      { from: options.from, to: options.to, ...(options.reason ? { reason: options.reason } : {}) },
    );
    out.result(result, () => {
      out.line(`已将 ${options.from} 名下 ${result.moved.length} 件待办转给 ${options.to}`);
      for (const s of result.skipped) out.line(`  未转：${s.approvalId}（${s.reason}）`);
    });
  });
}

export interface ServeOptions {
  port?: string;
  host?: string;
  tlsCert?: string;
  tlsKey?: string;
  behindProxy?: string;
  hostName?: string[];
  oidcIssuer?: string;
  oidcJwks?: string;
  oidcAudience?: string;
}

function oidcOf(options: ServeOptions): { oidc?: OidcOptions } {
  const given = [options.oidcIssuer, options.oidcJwks, options.oidcAudience].filter((v) => v !== undefined);
  if (given.length === 0) return {};
  if (given.length !== 3) throw new CliError('--oidc-issuer、--oidc-jwks 与 --oidc-audience 须同时给出', 2);
  return {
    oidc: {
      issuer: options.oidcIssuer as string,
      jwksUrl: options.oidcJwks as string,
      audience: options.oidcAudience as string,
    },
  };
}

function listeningOf(options: ServeOptions): ListeningOptions {
  if ((options.tlsCert === undefined) !== (options.tlsKey === undefined))
    throw new CliError('--tls-cert 与 --tls-key 须同时给出', 2);
  const read = (file: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new CliError(`无法读取文件 ${file}：${(error as NodeJS.ErrnoException).code ?? 'error'}`, 2);
    }
  };
  return {
    ...(options.host ? { host: options.host } : {}),
    ...(options.tlsCert && options.tlsKey ? { tls: { cert: read(options.tlsCert), key: read(options.tlsKey) } } : {}),
    ...(options.behindProxy ? { behindProxy: options.behindProxy } : {}),
    ...(options.hostName ? { hostNames: options.hostName } : {}),
  };
}

/**
 * `npm start`: the staff API on this data directory, with the runtime's due work running in the same process (what
 * `worker` does), until SIGINT or SIGTERM.
 */
export async function serveCommand(globals: GlobalOptions, out: Output, options: ServeOptions): Promise<void> {
  await serveWith(globals, out, options);
}

/** `serve`, with `ready` told the URL once the server listens (`enforce start` prints how to sign in then). */
export async function serveWith(
  globals: GlobalOptions,
  out: Output,
  options: ServeOptions,
  ready?: (url: string) => void,
): Promise<void> {
  const port = options.port === undefined ? DEFAULT_API_PORT : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`端口无效：${options.port}`, 2);
  const dataDir = dataDirOf(globals);
  const listening = listeningOf(options);
  await untilStopSignal((stopped) =>
    withRuntime(globals, out, async (runtime) => {
      const { startLocalApi } = await import('../api/server.ts');
      let server: Awaited<ReturnType<typeof startLocalApi>>;
      try {
        server = await startLocalApi(runtime, { port, ...listening, ...oidcOf(options), dataDir });
      } catch (error) {
        if (error instanceof ListenRefusedError) throw new CliError(error.message, 2);
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
          throw new CliError(
            `端口 ${port} 已被占用：请停止占用它的程序，或换一个端口（--port 8081；npm start -- --port 8081）`,
          );
        throw error;
      }
      out.progress(
        `员工接口已启动：${server.url}（${runtime.clock.mode === 'virtual' ? '虚拟时钟' : '真实时钟'}，数据目录 ${dataDir}），按 Ctrl+C 停止。`,
      );
      out.progress(
        runtime.clock.mode === 'virtual'
          ? `  接口说明：${server.url}/openapi.json；开发用令牌（仅虚拟时钟）：POST ${server.url}/auth/token 或 ${commandLine('login --as <用户>', dataDir)}`
          : `  接口说明：${server.url}/openapi.json；登录：POST ${server.url}/auth/sign-in 或 ${commandLine('login --as <用户>', dataDir)}（账户见 ${commandLine('users list', dataDir)}）`,
      );
      if (runtime.clock.mode === 'real' && server.accounts.list().length === 0)
        out.progress(
          `  注意：还没有任何员工账户，无人能够登录。请先创建第一位管理员：${commandLine('users add <用户名> --admin', dataDir)}`,
        );
      if (listening.behindProxy)
        out.progress(
          `  注意：只接受反向代理 ${listening.behindProxy} 的连接；请确保代理对外使用 HTTPS 并转发原始 Host 头`,
        );
      ready?.(server.url);
      try {
        await runtime.serve(stopped);
      } finally {
        await server.close();
      }
      out.progress('已停止。');
    }),
  );
}

export async function clockCommand(
  globals: GlobalOptions,
  out: Output,
  action: string | undefined,
  duration: string | undefined,
): Promise<void> {
  if (action !== undefined && action !== 'advance') throw new CliError(`未知的时钟操作：${action}（可用：advance）`, 2);
  if (action === 'advance' && !duration) throw new CliError(`请给出时长，例如：${commandLine('clock advance 3d')}`, 2);
  const seconds = action === 'advance' && duration ? parseDuration(duration) : 0;
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      if (action === 'advance') {
        out.progress(`时钟前进 ${duration}……`);
        const { from, to } = await advanceByDays(runtime, out, seconds);
        out.result({ mode: runtime.clock.mode, from, to }, () =>
          out.line(`时钟：${chinaTime(from)} → ${chinaTime(to)}（北京时间）`),
        );
      } else {
        out.result({ mode: runtime.clock.mode, now: runtime.clock.now() }, () =>
          out.line(
            `时钟：${chinaTime(runtime.clock.now())}（北京时间，${runtime.clock.mode === 'virtual' ? '虚拟时钟' : '真实时钟'}）`,
          ),
        );
      }
    },
    action === 'advance' ? {} : { quiet: true },
  );
}

/** Moves the clock a day at a time, with a progress line for each day, so a long advance is never silent. */
async function advanceByDays(runtime: EmbeddedRuntime, out: Output, seconds: number) {
  const from = runtime.clock.now();
  const days = Math.ceil(seconds / DAY_SECONDS);
  let left = seconds;
  for (let day = 1; left > 0; day++) {
    const step = Math.min(left, DAY_SECONDS);
    const moved = await runtime.advance(step);
    left -= step;
    if (days > 1) out.progress(`  时钟已到 ${chinaTime(moved.to)}（第 ${day}/${days} 天）`);
  }
  return { from, to: runtime.clock.now() };
}

const DAY_SECONDS = 86_400;

export async function payCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  amount: string,
  options: { ref?: string },
): Promise<void> {
  const amountFen = parseYuan(amount);
  await withRuntime(globals, out, async (runtime) => {
    const state = await findCase(runtime, reference);
    const result = await runtime.pay(state.caseId, amountFen, options.ref ?? `voluntary-${randomUUID()}`);
    if (!result.ok) throw new CliError(`到账未记录：${result.message}`);
    if (result.duplicate) {
      return out.result(result, () => out.line(`银行流水号 ${options.ref} 已记录过，未重复入账`));
    }
    const balance = fen(Math.max(0, Number(result.balanceFen)));
    out.result(result, () => out.line(`已记录到账 ${formatYuan(fen(amountFen))}，案件账户余额 ${formatYuan(balance)}`));
  });
}

export async function conductCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  kind: string,
  options: { as: string; note?: string },
): Promise<void> {
  await withRuntime(globals, out, async (runtime) => {
    const state = await findCase(runtime, reference);
    const result = await runtime.conduct({
      caseId: state.caseId,
      userId: options.as,
      conduct: kind,
      ...(options.note ? { note: options.note } : {}),
    });
    if (!result.ok) throw new CliError(`未记录：${result.message}`);
    out.result(result, () => out.line(`已记录：${CONDUCT_LABELS[kind as ConductKind] ?? kind}`));
  });
}

export async function releaseCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  options: { as: string; reason: string },
): Promise<void> {
  await withRuntime(globals, out, async (runtime) => {
    const state = await findCase(runtime, reference);
    const result = await runtime.release({ caseId: state.caseId, userId: options.as, reason: options.reason });
    if (!result.ok) throw new CliError(`未能提前解除拘留：${result.message}`);
    out.result(result, () => out.line('院长已批准提前解除拘留，已作出提前解除拘留决定书'));
  });
}

export async function runCommand(globals: GlobalOptions, out: Output): Promise<void> {
  await withRuntime(globals, out, async (runtime) => {
    await runtime.runUntilIdle();
    out.result({ ok: true, now: runtime.clock.now() }, () => out.line('已处理全部到期工作。'));
  });
}

export async function workerCommand(globals: GlobalOptions, out: Output): Promise<void> {
  await untilStopSignal((stopped) =>
    withRuntime(globals, out, async (runtime) => {
      out.progress(`运行中（${runtime.clock.mode === 'virtual' ? '虚拟时钟' : '真实时钟'}），按 Ctrl+C 停止。`);
      await runtime.serve(stopped);
      out.progress('已停止。');
    }),
  );
}

export async function alertsCommand(globals: GlobalOptions, out: Output): Promise<void> {
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      const alerts = await runtime.runtimeStore.alerts(100);
      out.result(alerts, () => {
        if (alerts.length === 0) return out.line('没有提醒。');
        for (const a of alerts) out.line(`${chinaTime(a.at)}  ${a.message}`);
      });
    },
    { quiet: true },
  );
}

export async function rejectionsCommand(globals: GlobalOptions, out: Output): Promise<void> {
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      const rejected = await runtime.deps.rejections.list(100);
      out.result(rejected, () => {
        if (rejected.length === 0) return out.line('没有被拒收的立案事件。');
        for (const r of rejected) out.line(`${chinaTime(r.at)}  事件 ${r.eventId}：${r.reasons.join('；')}`);
      });
    },
    { quiet: true },
  );
}

export async function verifyCommand(globals: GlobalOptions, out: Output, reference: string): Promise<void> {
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      const state = await findCase(runtime, reference);
      const check = verifyChain(await runtime.cases.history(state.caseId), state);
      out.result(check, () =>
        out.line(
          check.ok
            ? `审计链完整：${check.commits} 条记录，末条哈希 ${check.head.slice(0, 16)}…`
            : `审计链异常：第 ${check.seq} 条记录，${check.problem}`,
        ),
      );
      if (!check.ok) throw new CliError(`案件 ${state.caseNumber} 的审计链在第 ${check.seq} 条记录处断开`);
    },
    { quiet: true },
  );
}

/** Closure under review, settlement, re-query and resumption, as lines of `enforce case`. */
function closureLines(state: EnforcementCase): string[] {
  const lines: string[] = [];
  const review = state.closureReview;
  if (review && review.status !== 'granted') {
    const status = { open: '审查中', waiting: '等待条件成就', refused: '不符合条件', rejected: '审批未同意' }[
      review.status
    ];
    lines.push(
      `结案审查：${CLOSURE_LABELS[review.way]}，${status}${review.waitUntil ? `（${review.waitUntil}后再审查）` : ''}`,
    );
    for (const problem of review.problems) lines.push(`  · ${problem.message}`);
  }
  if (state.interview)
    lines.push(`约谈申请执行人：${OPINION_LABELS[state.interview.opinion]}（${chinaTime(state.interview.at)}）`);
  const settlement = state.settlement;
  if (settlement) {
    const status = { performing: '履行中', performed: '已全部履行', breached: '已违约，恢复执行' }[settlement.status];
    lines.push(
      `执行和解：${status}，共${settlement.installments.length}期合计${formatYuan(settlement.totalFen)}，已履行${settlement.met}期`,
    );
  }
  if (state.requery)
    lines.push(
      `终本后定期查询：已查询${state.requery.rounds}次${state.requery.found ? '，发现财产' : ''}${state.requery.ended ? '，已结束' : ''}`,
    );
  if (state.resumedAs) lines.push(`已恢复执行：${state.resumedAs.caseNumber}（${state.resumedAs.caseId}）`);
  if (state.previousCaseNumber) lines.push(`恢复执行自：${state.previousCaseNumber}`);
  lines.push(...disputeLines(state));
  lines.push(...objectionLines(state));
  return lines;
}

/**
 * What is owed beside the claim, to the fen: the doubled interest for late performance (F-DELAY-INTEREST) and the
 * execution fee (F1-FEE), with what has been paid of each.
 */
function moneyLines(state: EnforcementCase): string[] {
  const figures = owed(state);
  const lines: string[] = [];
  const interest = figures.interest;
  if (interest.amountFen > 0)
    lines.push(
      `迟延履行期间的加倍部分债务利息（F-DELAY-INTEREST，日万分之一点七五，${interest.from ?? ''}至${interest.through ?? ''}）：${formatYuan(interest.amountFen)}`,
    );
  const feePaid = ledgerTotal(state, 'disbursed', FEE_PAYEE);
  if (figures.satisfiedFen > 0)
    lines.push(
      `申请执行费（F1-FEE，按执行金额${formatYuan(figures.applicantsFen)}计算，由被执行人负担）：${formatYuan(figures.feeFen)}，已收取${formatYuan(fen(feePaid))}`,
    );
  return lines;
}
