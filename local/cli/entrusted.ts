/**
 * Matters other courts entrust to this court (H1), as staff handle them, through the staff API (the running
 * server's, or in process): record one, assign it, record that it was started, complete it or report back, list
 * them, have the overdue ones told to the command center, and count both directions for a period.
 */
import { MATTER_KIND_LABELS, MATTER_KINDS, type ReceivedMatter } from '#domain/entrustment/received.ts';
import { withApi } from './api-client.ts';
import { CliError, type Output } from './output.ts';
import type { GlobalOptions } from './session.ts';

const STATUS_LABELS: Readonly<Record<ReceivedMatter['status'], string>> = {
  open: '办理中',
  completed: '已办结',
  'reported-back': '已函复',
};

function matterLine(m: ReceivedMatter): string {
  const due = `期限${m.node.dueDate}${m.node.unconfirmedYears.length > 0 ? '（节假日未确认）' : ''}`;
  const late = m.late ? '，逾期' : m.node.status === 'overdue' ? '，已逾期' : '';
  const started =
    m.status === 'open' && m.startNode?.status === 'met' ? `，已开始办理${m.startedLate ? '（逾期开始）' : ''}` : '';
  return `${m.matterId}  ${m.receivedOn}收  ${m.fromCourt.name} ${m.fromCaseNumber} ${MATTER_KIND_LABELS[m.kind]} ${m.reference}  ${due}  ${STATUS_LABELS[m.status]}${started}${late}${m.assignee ? `  承办：${m.assignee}` : ''}`;
}

/** `enforce entrusted receive --from-court <code> --from-court-name <name> --case-number <no> --kind <k> --reference <r> --as <user>` */
export async function receiveCommand(
  globals: GlobalOptions,
  out: Output,
  options: {
    as: string;
    fromCourt: string;
    fromCourtName: string;
    caseNumber: string;
    kind: string;
    reference: string;
    receivedOn?: string;
    assignee?: string;
  },
): Promise<void> {
  if (!(MATTER_KINDS as readonly string[]).includes(options.kind))
    throw new CliError(
      `未知的委托事项：${options.kind}（可选：${MATTER_KINDS.map((k) => `${k}（${MATTER_KIND_LABELS[k]}）`).join('、')}）`,
      2,
    );
  await withApi(globals, out, options.as, async ({ call }) => {
    const result = await call<{ matter: ReceivedMatter; created: boolean }>('POST', '/entrustments/received', {
      fromCourt: { code: options.fromCourt, name: options.fromCourtName },
      fromCaseNumber: options.caseNumber,
      kind: options.kind,
      reference: options.reference,
      ...(options.receivedOn ? { receivedOn: options.receivedOn } : {}),
      ...(options.assignee ? { assignee: options.assignee } : {}),
    }).catch((error: CliError) => {
      throw new CliError(`未能登记受托事项：${error.message}`, 1, error.code);
    });
    out.result(result, () =>
      out.line(
        `${result.created ? '已登记' : '已登记过'}受托事项 ${result.matter.matterId}，应于${result.matter.node.dueDate}前办结或函复（H1）`,
      ),
    );
  });
}

/** `enforce entrusted assign <matter> <to> --as <user>` */
export async function assignCommand(
  globals: GlobalOptions,
  out: Output,
  matterId: string,
  to: string,
  options: { as: string },
): Promise<void> {
  await withApi(globals, out, options.as, async ({ call }) => {
    const matter = await call<ReceivedMatter>('POST', `/entrustments/received/${matterId}/assign`, { to }).catch(
      (error: CliError) => {
        throw new CliError(`未能分配受托事项：${error.message}`, 1, error.code);
      },
    );
    out.result(matter, () => out.line(`受托事项 ${matterId} 已交 ${to} 办理`));
  });
}

/** `enforce entrusted start <matter> --as <user>`: records that this court started on the matter (H1: within 15 days). */
export async function startCommand(
  globals: GlobalOptions,
  out: Output,
  matterId: string,
  options: { as: string },
): Promise<void> {
  await withApi(globals, out, options.as, async ({ call }) => {
    const matter = await call<ReceivedMatter>('POST', `/entrustments/received/${matterId}/start`).catch(
      (error: CliError) => {
        throw new CliError(`未能登记开始办理：${error.message}`, 1, error.code);
      },
    );
    const node = matter.startNode;
    out.result(matter, () =>
      out.line(
        node
          ? `受托事项 ${matterId} 已开始办理${matter.startedLate ? `，超过${node.dueDate}的开始期限（H1），记为逾期开始` : `，未超${node.dueDate}的开始期限`}`
          : `受托事项 ${matterId} 已开始办理`,
      ),
    );
  });
}

/** `enforce entrusted complete|report-back <matter> --result <text> --as <user>` */
export async function finishCommand(
  globals: GlobalOptions,
  out: Output,
  outcome: 'completed' | 'reported-back',
  matterId: string,
  options: { as: string; result: string },
): Promise<void> {
  await withApi(globals, out, options.as, async ({ call }) => {
    const matter = await call<ReceivedMatter>('POST', `/entrustments/received/${matterId}/outcome`, {
      outcome,
      result: options.result,
    }).catch((error: CliError) => {
      throw new CliError(`未能记录受托事项结果：${error.message}`, 1, error.code);
    });
    out.result(matter, () =>
      out.line(
        `受托事项 ${matterId} ${outcome === 'completed' ? '已办结' : '已函复委托法院'}${matter.late ? `，超过${matter.node.dueDate}的期限（H1），记为逾期` : '，未超期限'}`,
      ),
    );
  });
}

/** `enforce entrusted list --as <user> [--status s] [--from d] [--to d]` (a read: writes nothing) */
export async function listCommand(
  globals: GlobalOptions,
  out: Output,
  options: { as: string; status?: string; from?: string; to?: string },
): Promise<void> {
  const query = new URLSearchParams();
  for (const key of ['status', 'from', 'to'] as const) if (options[key]) query.set(key, options[key] ?? '');
  await withApi(globals, out, options.as, async ({ call }) => {
    const listing = await call<{ items: ReceivedMatter[] }>(
      'GET',
      `/entrustments/received${query.size > 0 ? `?${query}` : ''}`,
    ).catch((error: CliError) => {
      throw new CliError(`未能查询受托事项：${error.message}`, 1, error.code);
    });
    out.result(listing, () => {
      if (listing.items.length === 0) out.line('没有受托事项');
      for (const matter of listing.items) out.line(matterLine(matter));
    });
  });
}

/** `enforce entrusted check --as <user>`: tells the command center of overdue received matters. */
export async function checkCommand(globals: GlobalOptions, out: Output, options: { as: string }): Promise<void> {
  await withApi(globals, out, options.as, async ({ call }) => {
    const result = await call<{ alerted: string[] }>('POST', '/entrustments/received/overdue-check').catch(
      (error: CliError) => {
        throw new CliError(`未能检查受托事项期限：${error.message}`, 1, error.code);
      },
    );
    out.result(result, () =>
      out.line(
        result.alerted.length === 0
          ? '没有新逾期的受托事项'
          : `${result.alerted.length}件受托事项逾期，已提醒指挥中心：${result.alerted.join('、')}`,
      ),
    );
  });
}

/** `enforce entrusted counts --from <date> --to <date> --as <user>` (a read) */
export async function countsCommand(
  globals: GlobalOptions,
  out: Output,
  options: { as: string; from: string; to: string },
): Promise<void> {
  const { from, to } = options;
  await withApi(globals, out, options.as, async ({ call }) => {
    const counts = await call<{
      court: string;
      sent: number;
      received: number;
      receivedOnTime: number;
      receivedLate: number;
      receivedOpen: number;
      receivedOverdue: number;
    }>('GET', `/entrustments/counts?from=${from}&to=${to}`).catch((error: CliError) => {
      throw new CliError(`未能统计委托事项：${error.message}`, 1, error.code);
    });
    out.result(counts, () =>
      out.line(
        `${counts.court} ${from}至${to}：委托外院${counts.sent}件；受托${counts.received}件，按期办结${counts.receivedOnTime}件，逾期办结${counts.receivedLate}件，未办结${counts.receivedOpen}件（其中已逾期${counts.receivedOverdue}件）`,
      ),
    );
  });
}
