/** What each CLI command does. Every command opens the data directory, does one thing, closes it. */
import { randomUUID } from 'node:crypto';
import { APPROVAL_STEPS, deciderRefusal, isApprovalStep } from '#domain/approvals/policy.ts';
import { verifyChain } from '#domain/case/journal.ts';
import type { ConductKind, EnforcementCase } from '#domain/case/model.ts';
import { isLate } from '#domain/case/nodes.ts';
import { accountBalance, totalDisbursed, totalReceived } from '#domain/case/reducer.ts';
import { CASE_STATUSES, type CaseStatus, STATUS_LABELS } from '#domain/case/status.ts';
import { fen, formatYuan } from '#domain/money.ts';
import { ROLE_LABELS } from '#domain/staff/roles.ts';
import type { Approval } from '#ports/approval-store.ts';
import { type EvidenceView, evidenceView } from '#use-cases/evidence.ts';
import { parseDuration } from '../runtime/clock.ts';
import type { EmbeddedRuntime } from '../runtime/runtime.ts';
import {
  ASSET_CLASS_LABELS,
  ASSET_STATUS_LABELS,
  CONDUCT_LABELS,
  KIND_LABELS,
  nodeLabel,
  TRACK_LABELS,
} from './labels.ts';
import { CliError, type Output, pad, parseYuan } from './output.ts';
import { findCase, type GlobalOptions, namesOf, readJsonFile, withRuntime } from './session.ts';
import { chinaTime, timeline } from './timeline.ts';

export async function intakeCommand(globals: GlobalOptions, out: Output, file: string): Promise<void> {
  const event = readJsonFile(file);
  await withRuntime(globals, out, async (runtime) => {
    out.progress(`提交立案事件 ${file}`);
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

async function allCases(runtime: EmbeddedRuntime, status?: CaseStatus): Promise<EnforcementCase[]> {
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
  await withRuntime(
    globals,
    out,
    async (runtime) => {
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
    },
    { quiet: true },
  );
}

export async function caseCommand(globals: GlobalOptions, out: Output, reference: string): Promise<void> {
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      const state = await findCase(runtime, reference);
      const commits = await runtime.cases.history(state.caseId);
      const names = namesOf(runtime);
      const lines = timeline(commits, names);
      const counters = await runtime.runtimeStore.counters(state.caseId);
      const chain = verifyChain(commits, state);
      out.result({ case: state, timeline: lines, counters, chain }, () => {
        out.line(`案号：${state.caseNumber}（${state.caseId}）  ${state.court.name}  ${KIND_LABELS[state.kind]}`);
        out.line(
          `状态：${STATUS_LABELS[state.status]}${state.closure ? `（${state.closure.way === 'fully-performed' ? '执行完毕' : state.closure.way}）` : ''}`,
        );
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
        if (state.attention) out.line(`需人工处理：${state.attention.error}：${state.attention.cause}`);
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
          const flag =
            node.unconfirmedYears.length > 0 ? `  【${node.unconfirmedYears.join('、')}年节假日未确认】` : '';
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
              `  ${pad(ASSET_CLASS_LABELS[a.class], 10)}${pad(`${a.institution} ${a.reference}`, 40)}${a.balanceFen !== undefined ? pad(`余额 ${formatYuan(a.balanceFen)}`, 22) : pad('', 22)}${ASSET_STATUS_LABELS[a.status]}${a.freezeExpiresOn && a.status !== 'deducted' ? `，期限至${a.freezeExpiresOn}` : ''}`,
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
    },
    { quiet: true },
  );
}

function mayDecide(runtime: EmbeddedRuntime, approval: Approval, userId: string): boolean {
  return (
    deciderRefusal(
      runtime.staff.document.staff.find((m) => m.userId === userId),
      approval,
    ) === undefined
  );
}

export async function tasksCommand(globals: GlobalOptions, out: Output, options: { as?: string }): Promise<void> {
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      if (options.as && !runtime.staff.document.staff.some((m) => m.userId === options.as))
        throw new CliError(`未知用户：${options.as}`);
      const pending: Approval[] = [];
      for (const court of runtime.staff.document.courts)
        pending.push(...(await runtime.deps.approvals.listPending({ court: court.code })));
      const visible = options.as ? pending.filter((a) => mayDecide(runtime, a, options.as ?? '')) : pending;
      // The approver sees the field evidence linked to the step being decided.
      const now = runtime.clock.now();
      const evidence = new Map<string, EvidenceView[]>();
      for (const a of visible) {
        const state = await runtime.cases.load(a.caseId);
        const items = Object.values(state?.evidence ?? {}).filter((e) => e.step === a.step && e.status === 'recorded');
        evidence.set(
          a.approvalId,
          items.map((e) => evidenceView(e, now)),
        );
      }
      out.result(
        visible.map((a) => ({ ...a, evidence: evidence.get(a.approvalId) ?? [] })),
        () => {
          if (visible.length === 0)
            return out.line(
              options.as ? `${runtime.staff.memberName(options.as)}没有待审批事项。` : '没有待审批事项。',
            );
          for (const a of visible) {
            const label = isApprovalStep(a.step) ? APPROVAL_STEPS[a.step].label : a.step;
            const overdue = a.dueAt < runtime.clock.now() ? '（已逾期）' : '';
            out.line(
              `${a.approvalId}  ${a.caseNumber}  ${label}  审批人：${ROLE_LABELS[a.requiredRole]}  期限：${chinaTime(a.dueAt)}${overdue}`,
            );
            out.line(`    ${a.summary}（提请人：${runtime.staff.memberName(a.requester)}）`);
            for (const e of evidence.get(a.approvalId) ?? []) {
              out.line(
                `    现场证据 ${e.evidenceId}：「${e.description}」（${runtime.staff.memberName(e.uploader)}，SHA-256 ${e.sha256.slice(0, 16)}…）`,
              );
            }
          }
        },
      );
    },
    { quiet: true },
  );
}

/** What a sanction decision fixes (C1): the days of detention or the amount of the fine, when not as proposed. */
function decisionData(options: { days?: string; amount?: string }): { days?: number; amountFen?: number } | undefined {
  if (options.days === undefined && options.amount === undefined) return undefined;
  if (options.days !== undefined && !/^\d+$/.test(options.days)) {
    throw new CliError(`拘留日数须为整数，收到：${options.days}`, 2);
  }
  return {
    ...(options.days !== undefined ? { days: Number(options.days) } : {}),
    ...(options.amount !== undefined ? { amountFen: parseYuan(options.amount) } : {}),
  };
}

export async function decideCommand(
  globals: GlobalOptions,
  out: Output,
  approvalId: string,
  decision: string,
  options: { as: string; reason?: string; days?: string; amount?: string },
): Promise<void> {
  const mapped = decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : undefined;
  if (!mapped) throw new CliError(`决定只能是 approve（同意）或 reject（不同意），收到：${decision}`, 2);
  if (mapped === 'rejected' && !options.reason) throw new CliError('不同意时须说明理由（--reason）', 2);
  const data = decisionData(options);
  await withRuntime(globals, out, async (runtime) => {
    const result = await runtime.decide({
      approvalId,
      decision: mapped,
      userId: options.as,
      ...(options.reason ? { reason: options.reason } : {}),
      ...(data ? { data } : {}),
    });
    if (!result.ok) throw new CliError(`审批未生效：${result.message}`);
    out.result(result, () => out.line(`已${mapped === 'approved' ? '同意' : '不同意'}：审批事项 ${approvalId}`));
  });
}

export async function clockCommand(
  globals: GlobalOptions,
  out: Output,
  action: string | undefined,
  duration: string | undefined,
): Promise<void> {
  if (action !== undefined && action !== 'advance') throw new CliError(`未知的时钟操作：${action}（可用：advance）`, 2);
  if (action === 'advance' && !duration) throw new CliError('请给出时长，例如：enforce clock advance 3d', 2);
  const seconds = action === 'advance' && duration ? parseDuration(duration) : 0;
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      if (action === 'advance') {
        out.progress(`时钟前进 ${duration}……`);
        const { from, to } = await runtime.advance(seconds);
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
    out.result(result, () => out.line('已决定提前解除拘留'));
  });
}

export async function runCommand(globals: GlobalOptions, out: Output): Promise<void> {
  await withRuntime(globals, out, async (runtime) => {
    await runtime.runUntilIdle();
    out.result({ ok: true, now: runtime.clock.now() }, () => out.line('已处理全部到期工作。'));
  });
}

export async function workerCommand(globals: GlobalOptions, out: Output): Promise<void> {
  await withRuntime(globals, out, async (runtime) => {
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    out.progress(`运行中（${runtime.clock.mode === 'virtual' ? '虚拟时钟' : '真实时钟'}），按 Ctrl+C 停止。`);
    await runtime.serve(controller.signal);
    out.progress('已停止。');
  });
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
