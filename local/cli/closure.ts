/**
 * Closing work as staff do it, through the staff API (the running server's, or in process), served by the settle
 * function: ask for a closure (终本 or another way of G1), record the applicant's interview, record a settlement, record
 * the applicant's application to resume after a breached one.
 */
import { referenceData } from '#commons/reference-data.ts';
import { CLOSURE_WAY_LABELS, groundsOf, isStaffWay } from '#domain/closure/grounds.ts';
import { caseIdFor } from '#domain/ids.ts';
import { fen, formatYuan } from '#domain/money.ts';
import { staffRequest } from './api-client.ts';
import { CliError, type Output, parseYuan } from './output.ts';
import type { GlobalOptions } from './session.ts';

/** A case id as given, or the case number in the court of the acting user (config/staff.json). */
export async function caseIdOf(reference: string, as: string): Promise<string> {
  if (/^c[a-z2-7]{19}$/.test(reference)) return reference;
  const member = await referenceData().staff.member(as);
  if (!member) throw new CliError(`未知的用户：${as}`);
  return caseIdFor(member.court, reference);
}

const WAYS = ['final-round-closure', 'termination', 'withdrawal', 'non-enforcement', 'rejection'] as const;

/** `enforce close <case> <way> [--ground g] --as <user> [--reason …]` */
export async function closeCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  way: string,
  options: { as: string; ground?: string; reason?: string },
): Promise<void> {
  if (!(WAYS as readonly string[]).includes(way)) {
    throw new CliError(
      `未知的结案方式：${way}（可选：${WAYS.map((w) => `${w}（${CLOSURE_WAY_LABELS[w]}）`).join('、')}）`,
      2,
    );
  }
  if (isStaffWay(way) && !options.ground) {
    const grounds = groundsOf(way, referenceData().rules)
      .map((g) => `${g.id}（${g.zh}）`)
      .join('；');
    throw new CliError(`${CLOSURE_WAY_LABELS[way]}须说明事由（--ground）：${grounds}`, 2);
  }
  const caseId = await caseIdOf(reference, options.as);
  const body = {
    way,
    ...(options.ground ? { ground: options.ground } : {}),
    ...(options.reason ? { reason: options.reason } : {}),
  };
  await staffRequest<{ execution: string }>(
    globals,
    out,
    options.as,
    { method: 'POST', path: `/cases/${caseId}/closure`, body },
    '未能提出结案申请',
    (result) => [
      `已提出${CLOSURE_WAY_LABELS[way as (typeof WAYS)[number]]}申请，进入结案审查（流程 ${result.execution}）`,
    ],
  );
}

/** `enforce interview <case> agrees|objects --as <user> [--note …]` */
export async function interviewCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  opinion: string,
  options: { as: string; note?: string },
): Promise<void> {
  if (opinion !== 'agrees' && opinion !== 'objects')
    throw new CliError(`申请执行人意见只能是 agrees（同意终本）或 objects（不同意），收到：${opinion}`, 2);
  const caseId = await caseIdOf(reference, options.as);
  const body = { opinion, ...(options.note ? { note: options.note } : {}) };
  await staffRequest(
    globals,
    out,
    options.as,
    { method: 'POST', path: `/cases/${caseId}/interview`, body },
    '未记录约谈',
    () => [`已记录约谈申请执行人：${opinion === 'agrees' ? '同意终本' : '不同意终本'}`],
  );
}

/** `2026-07-01=10000.00` -> `{ dueOn, amountFen }`. */
function installmentOf(text: string): { dueOn: string; amountFen: number } {
  const [dueOn, amount] = text.split('=');
  if (!dueOn || !amount || !/^\d{4}-\d{2}-\d{2}$/.test(dueOn))
    throw new CliError(`分期格式不正确：${text}（应为 日期=金额，例如 2026-07-01=10000.00）`, 2);
  return { dueOn, amountFen: parseYuan(amount) };
}

/** `enforce settlement <case> --as <user> --installment 2026-07-01=10000.00 [--installment …] [--note …]` */
export async function settlementCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  options: { as: string; installment?: string[]; note?: string },
): Promise<void> {
  const installments = (options.installment ?? []).map(installmentOf);
  if (installments.length === 0) throw new CliError('请用 --installment 日期=金额 给出至少一期', 2);
  const caseId = await caseIdOf(reference, options.as);
  const body = { installments, ...(options.note ? { note: options.note } : {}) };
  const total = fen(installments.reduce((t, i) => t + i.amountFen, 0));
  await staffRequest(
    globals,
    out,
    options.as,
    { method: 'POST', path: `/cases/${caseId}/settlement`, body },
    '未记录执行和解协议',
    () => [`已记录执行和解协议：${installments.length}期，合计${formatYuan(total)}；履行期间停止执行措施`],
  );
}

/** `enforce resume <case> --as <user> [--note …]`: the applicant applied to resume after a breached settlement. */
export async function resumeCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  options: { as: string; note?: string },
): Promise<void> {
  const caseId = await caseIdOf(reference, options.as);
  await staffRequest(
    globals,
    out,
    options.as,
    { method: 'POST', path: `/cases/${caseId}/resumption`, body: { ...(options.note ? { note: options.note } : {}) } },
    '未记录恢复执行申请',
    () => ['已记录申请执行人申请恢复执行（执行和解规定第九条），已报立案部门以恢复执行案件（执恢）立案'],
  );
}

/** `enforce listing-removal <case> --as <user> [--note …]`: the applicant's agreed request (C6, 第十条第一款第三项). */
export async function listingRemovalCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  options: { as: string; note?: string },
): Promise<void> {
  const caseId = await caseIdOf(reference, options.as);
  const request = {
    method: 'POST' as const,
    path: `/cases/${caseId}/listing-removal`,
    body: { ...(options.note ? { note: options.note } : {}) },
  };
  await staffRequest(globals, out, options.as, request, '未记录删除失信信息的申请', () => [
    '已记录申请执行人书面申请删除失信信息（本院审查同意）；3个工作日内删除并通知协助单位（C6）',
  ]);
}
