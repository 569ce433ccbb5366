/**
 * What each export holds, read through the staff API (the caller's rights apply): the command-center board, the
 * cases filed in a period, the time nodes due in a period (done ones with their completion date and lateness), and
 * the matters other courts entrusted to this one, received in a period. `get` is the caller's API client (the
 * CLI's or the console's); this module does no I/O of its own.
 */
import { chinaDateOf, daysBetween, type LocalDate } from '#domain/calendar/local-date.ts';
import type { Phase } from '#domain/case/model.ts';
import { nodeLabel } from '#domain/case/node-labels.ts';
import { type CaseStatus, STATUS_LABELS } from '#domain/case/status.ts';
import { MATTER_KIND_LABELS, type MatterKind } from '#domain/entrustment/received.ts';
import { PHASE_LABELS } from '#domain/timeline/labels.ts';
import { EXPORT_TITLES, type ExportKind, type ExportTable, inPeriod, type Period } from './table.ts';

export type ApiGet = <T>(path: string) => Promise<T>;

interface Listed {
  caseId: string;
  caseNumber: string;
  status: CaseStatus;
  phase?: Phase;
  officer?: string;
  officerName?: string;
  teamName?: string;
  team?: string;
  filedAt: string;
}

interface CaseRead {
  caseNumber: string;
  officer?: string;
  officerName?: string;
  teamName?: string;
  claim: { totalFen: number };
  ledger: { kind: string; amountFen: number }[];
  closure?: { way: string; closedAt?: string };
  closedAt?: string;
  nodes: Record<
    string,
    { node: string; ruleId: string; dueDate: string; dueAt: string; status: string; metAt?: string }
  >;
}

interface Matter {
  matterId: string;
  fromCourt: { name: string };
  fromCaseNumber: string;
  kind: MatterKind;
  receivedOn: string;
  node: { dueDate: string };
  status: 'open' | 'completed' | 'reported-back';
  assignee?: string;
  finishedAt?: string;
  late?: boolean;
}

const MATTER_STATUS = { open: '办理中', completed: '已办结', 'reported-back': '已函复' } as const;

/** Yuan as a number with two decimals, from fen. */
const yuan = (fen: number) => Math.round(fen) / 100;

/** Days a done node was late: its completion date in China after its due date (0 when on time). */
export function daysLate(dueDate: string, metAt: string | undefined): number | undefined {
  if (metAt === undefined) return undefined;
  return Math.max(0, daysBetween(dueDate as LocalDate, chinaDateOf(metAt)));
}

/** A node's state in words: 进行中, 已完成, 逾期完成, 已逾期. */
export function nodeState(node: { status: string; dueDate: string; metAt?: string }): string {
  if (node.status === 'met') return (daysLate(node.dueDate, node.metAt) ?? 0) > 0 ? '逾期完成' : '已完成';
  return node.status === 'overdue' ? '已逾期' : '进行中';
}

async function allCases(get: ApiGet): Promise<{ items: Listed[]; truncated: boolean }> {
  return get<{ items: Listed[]; truncated: boolean }>('/cases?limit=200');
}

async function board(get: ApiGet): Promise<ExportTable> {
  const [cases, workload, overdue] = await Promise.all([
    get<{ phases: { phase: Phase; count: number }[]; statuses: { status: CaseStatus; count: number }[] }>(
      '/board/cases',
    ),
    get<{ teams: { name: string; openCases: number }[]; officers: { name: string; openCases: number }[] }>(
      '/board/workload',
    ),
    get<{ items: unknown[]; nextCursor?: string }>('/board/nodes?state=overdue&limit=200'),
  ]);
  return {
    kind: 'board',
    title: EXPORT_TITLES.board,
    columns: [
      { header: '类别', width: 14 },
      { header: '项目', width: 24 },
      { header: '数量', type: 'count' },
    ],
    rows: [
      ...cases.phases.map((p) => ['办理阶段', PHASE_LABELS[p.phase] ?? p.phase, p.count]),
      ...cases.statuses.map((s) => ['未结案件状态', STATUS_LABELS[s.status] ?? s.status, s.count]),
      ...workload.teams.map((t) => ['团队未结案件', t.name, t.openCases]),
      ...workload.officers.map((o) => ['承办人未结案件', o.name, o.openCases]),
      ['时间节点', overdue.nextCursor ? '已逾期节点（至少）' : '已逾期节点', overdue.items.length],
    ],
  };
}

async function cases(get: ApiGet, period: Period): Promise<ExportTable> {
  const listed = await allCases(get);
  const chosen = listed.items.filter((c) => inPeriod(chinaDateOf(c.filedAt), period));
  const rows = [];
  for (const c of chosen) {
    const read = await get<CaseRead>(`/cases/${encodeURIComponent(c.caseId)}`);
    const received = read.ledger.filter((e) => e.kind === 'received').reduce((t, e) => t + e.amountFen, 0);
    rows.push([
      c.caseNumber,
      STATUS_LABELS[c.status] ?? c.status,
      c.phase ? (PHASE_LABELS[c.phase] ?? c.phase) : undefined,
      c.teamName ?? c.team,
      c.officerName ?? c.officer,
      yuan(read.claim.totalFen),
      yuan(received),
      chinaDateOf(c.filedAt),
    ]);
  }
  return {
    kind: 'cases',
    title: EXPORT_TITLES.cases,
    period,
    truncated: listed.truncated,
    columns: [
      { header: '案号', width: 26 },
      { header: '状态', width: 14 },
      { header: '阶段', width: 14 },
      { header: '团队', width: 16 },
      { header: '承办人' },
      { header: '执行标的（元）', type: 'yuan', width: 16 },
      { header: '已到账（元）', type: 'yuan', width: 16 },
      { header: '立案日期', width: 12 },
    ],
    rows,
  };
}

async function nodes(get: ApiGet, period: Period): Promise<ExportTable> {
  const listed = await allCases(get);
  const rows = [];
  for (const c of listed.items) {
    const read = await get<CaseRead>(`/cases/${encodeURIComponent(c.caseId)}`);
    const due = Object.values(read.nodes)
      .filter((n) => inPeriod(n.dueDate, period))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    for (const n of due)
      rows.push([
        read.caseNumber,
        nodeLabel(n.node),
        n.ruleId,
        n.dueDate,
        nodeState(n),
        n.metAt ? chinaDateOf(n.metAt) : undefined,
        daysLate(n.dueDate, n.metAt),
        read.officerName ?? read.officer,
      ]);
  }
  return {
    kind: 'nodes',
    title: EXPORT_TITLES.nodes,
    period,
    truncated: listed.truncated,
    columns: [
      { header: '案号', width: 26 },
      { header: '节点', width: 30 },
      { header: '规则' },
      { header: '期限', width: 12 },
      { header: '状态' },
      { header: '完成日期', width: 12 },
      { header: '逾期天数', type: 'count' },
      { header: '承办人' },
    ],
    rows,
  };
}

async function matters(get: ApiGet, period: Period, name: (id: string) => string): Promise<ExportTable> {
  const query = period.from === '0000-01-01' ? '' : `?from=${period.from}&to=${period.to}`;
  const listed = await get<{ items: Matter[] }>(`/entrustments/received${query}`);
  return {
    kind: 'matters',
    title: EXPORT_TITLES.matters,
    period,
    columns: [
      { header: '委托法院', width: 24 },
      { header: '委托法院案号', width: 26 },
      { header: '事项', width: 16 },
      { header: '收到日期', width: 12 },
      { header: '期限', width: 12 },
      { header: '状态' },
      { header: '办结日期', width: 12 },
      { header: '是否逾期' },
      { header: '承办人' },
    ],
    rows: listed.items.map((m) => [
      m.fromCourt.name,
      m.fromCaseNumber,
      MATTER_KIND_LABELS[m.kind] ?? m.kind,
      m.receivedOn,
      m.node.dueDate,
      MATTER_STATUS[m.status],
      m.finishedAt ? chinaDateOf(m.finishedAt) : undefined,
      m.late === true ? '逾期' : m.status === 'open' ? undefined : '按期',
      m.assignee ? name(m.assignee) : undefined,
    ]),
  };
}

/**
 * One export, read through the API as the caller. `name` turns a user id into a name where an answer carries
 * only the id (the entrusted matters); the board's workload gives the names it knows.
 */
export async function collectExport(get: ApiGet, kind: ExportKind, period: Period): Promise<ExportTable> {
  if (kind === 'board') return board(get);
  if (kind === 'cases') return cases(get, period);
  if (kind === 'nodes') return nodes(get, period);
  const workload = await get<{ officers: { userId: string; name: string }[] }>('/board/workload').catch(() => ({
    officers: [],
  }));
  const names = new Map(workload.officers.map((o) => [o.userId, o.name]));
  return matters(get, period, (id) => names.get(id) ?? id);
}
