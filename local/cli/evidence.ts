/** `enforce evidence …`: field evidence through the same use cases as the staff API, and the custody check. */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { EVIDENCE_KIND_LABELS, EVIDENCE_STEPS, type EvidenceKind, isEvidenceStep } from '#domain/evidence/policy.ts';
import { chinaTime, formatBytes } from '#domain/timeline/timeline.ts';
import { UseCaseError } from '#use-cases/errors.ts';
import {
  evidenceView,
  issueEvidenceAccess,
  recordEvidencePurge,
  setEvidenceLegalHold,
  verifyEvidence,
} from '#use-cases/evidence.ts';
import { EvidenceRestoringError } from '#use-cases/evidence-tiers.ts';
import { VaultRefusal } from '../evidence/vault.ts';
import { CliError, type Output, pad } from './output.ts';
import { findCase, type GlobalOptions, namesOf, withRuntime } from './session.ts';
import { UploadRefusedError, uploadEvidenceFile } from './uploader.ts';

const TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.heic': 'image/heic',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.m4a': 'audio/mp4',
  '.mp3': 'audio/mpeg',
  '.aac': 'audio/aac',
  '.pdf': 'application/pdf',
};

/** Use-case refusals and storage refusals are one clear line. */
async function plainly<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UseCaseError || error instanceof UploadRefusedError) throw new CliError(error.message);
    throw error;
  }
}

function parseLocation(text: string): { latitude: number; longitude: number } {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) throw new CliError(`位置格式应为“纬度,经度”，例如 38.58,116.81：${text}`, 2);
  return { latitude: Number(match[1]), longitude: Number(match[2]) };
}

export interface AddOptions {
  readonly step: string;
  readonly as: string;
  readonly type?: string;
  readonly device?: string;
  readonly location?: string;
  readonly description?: string;
  readonly capturedAt?: string;
}

export async function evidenceAddCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  file: string,
  options: AddOptions,
): Promise<void> {
  if (!existsSync(file)) throw new CliError(`找不到文件：${file}`, 2);
  if (!isEvidenceStep(options.step)) {
    throw new CliError(`未知的执行环节：${options.step}（可选：${Object.keys(EVIDENCE_STEPS).join('、')}）`, 2);
  }
  const contentType = options.type ?? TYPES_BY_EXTENSION[extname(file).toLowerCase()];
  if (!contentType) throw new CliError(`无法从扩展名判断文件类型，请用 --type 指定：${file}`, 2);
  const location = options.location ? parseLocation(options.location) : undefined;
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      const state = await findCase(runtime, reference);
      const uploaded = await plainly(() =>
        uploadEvidenceFile(runtime.deps, { userId: options.as }, state.caseId, file, {
          step: options.step,
          contentType,
          device: options.device ?? '未说明',
          ...(location ? { location } : {}),
          description: options.description ?? extname(file).slice(1),
          ...(options.capturedAt ? { capturedAt: options.capturedAt } : {}),
        }),
      );
      out.result(uploaded, () =>
        out.line(
          `证据已入卷：${uploaded.evidenceId}，${formatBytes(uploaded.sizeBytes)}，SHA-256 ${uploaded.sha256}${uploaded.method === 'multipart' ? '（分段上传）' : ''}`,
        ),
      );
    },
    { quiet: true },
  );
}

export async function evidenceListCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  options: { step?: string },
): Promise<void> {
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      const state = await findCase(runtime, reference);
      const names = namesOf(runtime);
      const now = runtime.clock.now();
      const items = Object.values(state.evidence ?? {})
        .filter((item) => options.step === undefined || item.step === options.step)
        .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt))
        .map((item) => evidenceView(item, now));
      const status = { recorded: '已入卷', pending: '待上传', expired: '链接已过期，未入卷' } as const;
      out.result({ caseId: state.caseId, legalHold: state.legalHold, evidence: items }, () => {
        if (state.legalHold)
          out.line(`法律保留中：自${chinaTime(state.legalHold.since)}，理由：${state.legalHold.reason}`);
        if (items.length === 0) return out.line('本案没有证据。');
        for (const item of items) {
          const step = isEvidenceStep(item.step) ? EVIDENCE_STEPS[item.step] : item.step;
          out.line(
            `${item.evidenceId}  ${pad(EVIDENCE_KIND_LABELS[item.kind as EvidenceKind] ?? item.kind, 6)}${pad(formatBytes(item.sizeBytes), 12)}${pad(status[item.status], 20)}${step}  ${names.member(item.uploader)}  ${chinaTime(item.issuedAt)}`,
          );
          out.line(`    「${item.description}」 设备：${item.device}  SHA-256 ${item.sha256}`);
        }
      });
    },
    { quiet: true },
  );
}

export async function evidenceVerifyCommand(globals: GlobalOptions, out: Output, reference: string): Promise<void> {
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      const state = await findCase(runtime, reference);
      const report = await verifyEvidence(runtime.deps)(state.caseId);
      out.result(report, () => {
        out.line(
          report.chain.ok
            ? `审计链完整：${report.chain.commits} 条记录`
            : `审计链异常：第 ${report.chain.seq} 条记录，${report.chain.problem}`,
        );
        for (const object of report.objects) {
          out.line(`  ${object.evidenceId}  ${object.ok ? '一致' : `不一致：${object.problem}`}`);
        }
        out.line(report.ok ? `证据核验通过：${report.objects.length} 件证据与入卷记录一致` : `证据核验未通过。`);
      });
      if (!report.ok) throw new CliError(`案件 ${state.caseNumber} 证据核验未通过：${report.firstProblem}`);
    },
    { quiet: true },
  );
}

export async function evidenceLinkCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  evidenceId: string,
  options: { as: string; purpose?: string },
): Promise<void> {
  const purpose = options.purpose ?? 'view';
  if (purpose !== 'view' && purpose !== 'download') throw new CliError('--purpose 只能是 view 或 download', 2);
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      const state = await findCase(runtime, reference);
      const issued = await plainly(() =>
        issueEvidenceAccess(runtime.deps)({ userId: options.as }, state.caseId, evidenceId, purpose).catch(
          (error: unknown) => {
            // An archived object: the restore is asked for (or under way); not an error, a time to come back.
            if (error instanceof EvidenceRestoringError) return error;
            throw error;
          },
        ),
      );
      if (issued instanceof EvidenceRestoringError) {
        const { code, readyBy, message } = issued;
        out.result({ evidenceId, restoring: true, code, readyBy }, () => out.line(message));
        return;
      }
      out.result(issued, () => {
        out.line(
          `${purpose === 'view' ? '查看' : '下载'}链接（有效至${chinaTime(issued.link.expiresAt)}，已记入审计链）：`,
        );
        out.line(issued.link.url);
      });
    },
    { quiet: true },
  );
}

export async function evidenceHoldCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  action: string,
  options: { as: string; reason: string },
): Promise<void> {
  if (action !== 'on' && action !== 'off') throw new CliError(`只能是 on（设置）或 off（解除）：${action}`, 2);
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      const state = await findCase(runtime, reference);
      const result = await plainly(() =>
        setEvidenceLegalHold(runtime.deps)({ userId: options.as }, state.caseId, action === 'on', options.reason),
      );
      out.result(result, () =>
        out.line(`${action === 'on' ? '已设置' : '已解除'}法律保留：${result.evidence.length} 件证据`),
      );
    },
    { quiet: true },
  );
}

/**
 * The one removal of evidence: an object past its retention period and not under legal hold, by a named person with
 * a reason (the legal-hold permission), written to the evidence log and the case's journal. Everything else is
 * refused by the vault.
 */
export async function evidencePurgeCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  evidenceId: string,
  options: { as: string; reason: string },
): Promise<void> {
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      const state = await findCase(runtime, reference);
      await plainly(() =>
        recordEvidencePurge(runtime.deps)({ userId: options.as }, state.caseId, evidenceId, options.reason, (key) => {
          // A purge whose journal entry was lost is not done twice: only its entry is written again.
          if (runtime.evidence.record(key)?.purged_at) return;
          try {
            runtime.evidence.purge(key, options.as, options.reason);
          } catch (error) {
            if (error instanceof VaultRefusal) throw new CliError(`不能清除证据 ${evidenceId}：${error.message}`);
            throw error;
          }
        }),
      );
      out.result({ evidenceId, purged: true }, () =>
        out.line(`已清除证据 ${evidenceId} 的存储内容（保存期已满，已记入证据日志；入卷记录与哈希保留）`),
      );
    },
    { quiet: true },
  );
}
