/**
 * Field evidence with a chain of custody. An officer declares a file (size, content type, SHA-256, step, device,
 * location, description) and gets a short-lived upload signed for exactly that file; the object is checked against
 * the declaration when it lands and recorded on the case's journal; every view or download link and every legal
 * hold is a journal event too; `verifyEvidence` re-hashes every object and checks the chain.
 */
import { randomUUID } from 'node:crypto';
import { plusSeconds } from '#domain/calendar/local-date.ts';
import type { Actor } from '#domain/case/events.ts';
import { verifyChain } from '#domain/case/journal.ts';
import type { EnforcementCase, EvidenceCheck, EvidenceItem } from '#domain/case/model.ts';
import { compositeSha256, evidenceKey, hexToBase64, partSizes } from '#domain/evidence/objects.ts';
import {
  EVIDENCE_ACCESS,
  type EvidenceAction,
  evidenceAccessRefusal,
  isEvidenceStep,
  planUpload,
} from '#domain/evidence/policy.ts';
import { needsRestore } from '#domain/evidence/retention.ts';
import { shortHash } from '#domain/ids.ts';
import type { StaffMember } from '#domain/staff/roles.ts';
import type { PresignedRequest } from '#ports/evidence-store.ts';
import { type Deps, loadCase, mutateCase } from './context.ts';
import { caseNotFound, conflict, forbidden, gone, invalid, notFound, UseCaseError, unauthenticated } from './errors.ts';
import { ensureReadable } from './evidence-tiers.ts';

/** Who is asking: the staff API puts the signed-in user here; the CLI puts `--as`. */
export interface Identity {
  readonly userId: string;
}

/** The recorder on AWS (the Object Created event's function) and locally (right after the upload). */
export const EVIDENCE_RECORDER: Actor = { kind: 'system', id: 'evidence-recorder' };

export interface UploadRequest {
  readonly step: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  /** SHA-256 of the whole file, hex. */
  readonly sha256: string;
  /** SHA-256 of each part (hex), for files that go by multipart upload. */
  readonly partsSha256?: readonly string[];
  readonly device: string;
  readonly location?: { readonly latitude: number; readonly longitude: number; readonly accuracyMeters?: number };
  readonly description: string;
  readonly capturedAt?: string;
}

export type IssuedUpload = {
  readonly evidenceId: string;
  readonly expiresAt: string;
} & (
  | { readonly method: 'single'; readonly upload: PresignedRequest }
  | {
      readonly method: 'multipart';
      readonly partBytes: number;
      readonly parts: readonly ({ readonly partNumber: number } & PresignedRequest)[];
    }
);

const ACTION_LABELS: Record<EvidenceAction, string> = { upload: '上传', view: '查看', 'legal-hold': '设置法律保留' };

/** The one-line authorization at the top of every evidence use case: the member, for the case, for the action. */
async function authorize(
  deps: Pick<Deps, 'staff'>,
  identity: Identity,
  state: EnforcementCase,
  action: EvidenceAction,
): Promise<{ member: StaffMember; actor: Actor }> {
  const member = await deps.staff.member(identity.userId);
  const refusal = evidenceAccessRefusal(member, action, state.court.code);
  if (refusal === 'unknown-user' || !member) throw unauthenticated(`未知或已停用的用户：${identity.userId}`);
  if (refusal === 'wrong-role') throw forbidden(`${member.name}无权${ACTION_LABELS[action]}证据`);
  // Another court's case is, to this caller, no case at all: the same 404 as a missing one.
  if (refusal === 'other-court') throw caseNotFound();
  const role = member.roles.find((r) => EVIDENCE_ACCESS[action].includes(r));
  return { member, actor: { kind: 'staff', id: member.userId, ...(role ? { role } : {}) } };
}

async function caseFor(deps: Pick<Deps, 'cases'>, caseId: string): Promise<EnforcementCase> {
  const state = await deps.cases.load(caseId);
  if (!state) throw caseNotFound();
  return state;
}

function itemOf(state: EnforcementCase, evidenceId: string): EvidenceItem {
  const item = state.evidence?.[evidenceId];
  if (!item) throw notFound('没有该证据');
  return item;
}

const REFUSAL_STATUS = { 'content-type': 415, 'too-large': 413 } as const;

/** Checks the declaration against P-EVIDENCE and the caller against the access table, then signs the upload. */
export function issueEvidenceUpload(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'staff' | 'evidence'>) {
  return async (identity: Identity, caseId: string, request: UploadRequest): Promise<IssuedUpload> => {
    const state = await caseFor(deps, caseId);
    const { member, actor } = await authorize(deps, identity, state, 'upload');
    if (!isEvidenceStep(request.step)) throw invalid('step：未知的执行环节');
    const plan = planUpload(request, deps.rules);
    if (!plan.ok) {
      const status = (REFUSAL_STATUS as Record<string, number>)[plan.refusal] ?? 400;
      throw new UseCaseError(`evidence-${plan.refusal}`, status, plan.message);
    }
    const location = request.location;
    if (location && (Math.abs(location.latitude) > 90 || Math.abs(location.longitude) > 180)) {
      throw invalid('位置坐标超出范围');
    }
    if (request.device.trim().length === 0) throw invalid('须说明拍摄设备');
    const evidenceId = `e${shortHash(randomUUID(), 15)}`;
    const key = evidenceKey(state.caseId, evidenceId);
    const now = deps.clock.now();
    const signing = { signedAt: now, expiresInSeconds: deps.rules.P_EVIDENCE.uploadLinkSeconds };
    const expiresAt = plusSeconds(now, signing.expiresInSeconds);
    // A multipart upload that is never recorded (the commit below fails, or nobody completes it) is aborted by
    // the bucket's lifecycle rule.
    const multipart =
      plan.method === 'multipart'
        ? {
            uploadId: (await deps.evidence.startMultipart({ key, contentType: request.contentType })).uploadId,
            partBytes: plan.partBytes,
            partsSha256: [...(request.partsSha256 ?? [])],
          }
        : undefined;
    // The declaration goes on the journal before anything is signed: no upload link exists without its record.
    await mutateCase(deps, state.caseId, actor, { evidence: evidenceId }, () => ({
      events: [
        {
          type: 'evidence-upload-issued',
          evidenceId,
          step: request.step,
          key,
          kind: plan.kind,
          contentType: request.contentType,
          sizeBytes: request.sizeBytes,
          sha256: request.sha256,
          uploader: member.userId,
          device: request.device.trim(),
          ...(location ? { location } : {}),
          description: request.description.trim(),
          ...(request.capturedAt ? { capturedAt: request.capturedAt } : {}),
          expiresAt,
          ...(multipart ? { multipart } : {}),
        },
      ],
      result: undefined,
    }));
    if (!multipart) {
      const upload = await deps.evidence.presignUpload(
        { key, contentType: request.contentType, sizeBytes: request.sizeBytes, sha256: request.sha256 },
        signing,
      );
      return { evidenceId, expiresAt, method: 'single', upload };
    }
    const sizes = partSizes(request.sizeBytes, multipart.partBytes);
    const parts = await Promise.all(
      sizes.map(async (sizeBytes, i) => ({
        partNumber: i + 1,
        ...(await deps.evidence.presignPart(
          { key, uploadId: multipart.uploadId, partNumber: i + 1, sizeBytes, sha256: multipart.partsSha256[i] ?? '' },
          signing,
        )),
      })),
    );
    return { evidenceId, expiresAt, method: 'multipart', partBytes: multipart.partBytes, parts };
  };
}

/** The uploader says a multipart upload's parts are all there: storage puts them together (checking each). */
export function completeEvidenceUpload(deps: Pick<Deps, 'cases' | 'clock' | 'staff' | 'evidence'>) {
  return async (
    identity: Identity,
    caseId: string,
    evidenceId: string,
    parts: readonly { readonly partNumber: number; readonly etag: string }[],
  ): Promise<{ readonly evidenceId: string }> => {
    const state = await caseFor(deps, caseId);
    const { member } = await authorize(deps, identity, state, 'upload');
    const item = itemOf(state, evidenceId);
    if (item.uploader !== member.userId) throw forbidden('只有上传人可以完成本次上传');
    if (item.status === 'recorded') return { evidenceId };
    if (!item.multipart) return { evidenceId };
    if (deps.clock.now() > item.expiresAt)
      throw gone(`证据 ${evidenceId} 的上传链接已于 ${item.expiresAt} 过期，未入卷`);
    const declared = item.multipart.partsSha256;
    const numbers = parts.map((p) => p.partNumber).sort((a, b) => a - b);
    if (numbers.length !== declared.length || numbers.some((n, i) => n !== i + 1)) {
      throw invalid(`须上传全部 ${declared.length} 段后再完成上传`);
    }
    try {
      await deps.evidence.completeMultipart({
        key: item.key,
        uploadId: item.multipart.uploadId,
        parts: [...parts]
          .sort((a, b) => a.partNumber - b.partNumber)
          .map((p) => ({ partNumber: p.partNumber, etag: p.etag, sha256: declared[p.partNumber - 1] ?? '' })),
      });
    } catch (error) {
      const name = (error as { name?: string }).name ?? 'Error';
      if (['InvalidPart', 'InvalidPartOrder', 'NoSuchUpload', 'BadDigest', 'EntityTooSmall'].includes(name)) {
        throw invalid(`存储拒绝合并分段（${name}）：${(error as Error).message}`);
      }
      throw error;
    }
    return { evidenceId };
  };
}

export interface RecordCommand {
  readonly caseId: string;
  readonly evidenceId: string;
  /** The version the Object Created event names (S3); absent locally. */
  readonly versionId?: string;
}

export type RecordOutcome =
  | { readonly outcome: 'recorded' | 'already-recorded'; readonly evidenceId: string; readonly sha256: string }
  | { readonly outcome: 'not-declared'; readonly evidenceId: string };

/** Why a landed object is not what was declared. Nothing is recorded; retrying cannot change the bytes. */
export class EvidenceMismatchError extends UseCaseError {
  constructor(evidenceId: string, problems: readonly string[]) {
    super('evidence-mismatch', 422, `证据 ${evidenceId} 与申报不符，未入卷：${problems.join('；')}`);
    this.name = 'EvidenceMismatchError';
  }
}

/**
 * An object landed: check it against its declaration (size, type, storage's SHA-256 and, where storage has
 * none or only a composite one, a re-hash of the stored bytes), then record it on the case. Idempotent.
 */
// Storage refuses a presigned upload after its link expired, and completion of a multipart upload checks the
// expiry on the application's clock: an object that exists was written in time.
export function recordEvidence(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'evidence'>) {
  return async (command: RecordCommand): Promise<RecordOutcome> => {
    const state = await loadCase(deps.cases, command.caseId);
    const item = state.evidence?.[command.evidenceId];
    if (!item) return { outcome: 'not-declared', evidenceId: command.evidenceId };
    if (item.status === 'recorded') {
      return { outcome: 'already-recorded', evidenceId: item.evidenceId, sha256: item.sha256 };
    }
    const stored = await deps.evidence.head(item.key, command.versionId);
    if (!stored) throw new EvidenceMismatchError(item.evidenceId, ['存储中没有该对象（上传未完成）']);
    const problems: string[] = [];
    const verified: EvidenceCheck[] = [];
    if (stored.sizeBytes === item.sizeBytes) verified.push('size');
    else problems.push(`大小 ${stored.sizeBytes} 字节，申报 ${item.sizeBytes} 字节`);
    if (stored.contentType === undefined || stored.contentType === item.contentType) verified.push('content-type');
    else problems.push(`类型 ${stored.contentType}，申报 ${item.contentType}`);
    if (stored.checksumSha256 !== undefined) {
      const expected = item.multipart ? compositeSha256(item.multipart.partsSha256) : hexToBase64(item.sha256);
      if (stored.checksumSha256 === expected) verified.push(item.multipart ? 'composite-checksum' : 'storage-checksum');
      else problems.push('存储端记录的 SHA-256 与申报不符');
    }
    const rehash =
      stored.checksumSha256 === undefined ||
      item.multipart !== undefined ||
      item.sizeBytes <= deps.rules.P_EVIDENCE.rehashMaxBytes;
    if (problems.length === 0 && rehash) {
      const hashed = await deps.evidence.hash(item.key, stored.versionId);
      if (hashed.sha256 === item.sha256 && hashed.sizeBytes === item.sizeBytes) verified.push('rehash');
      else problems.push('存储内容的 SHA-256 与申报不符');
    }
    if (problems.length > 0) throw new EvidenceMismatchError(item.evidenceId, problems);
    const legalHold = state.legalHold !== undefined;
    if (legalHold) await deps.evidence.setLegalHold(item.key, stored.versionId, true);
    await mutateCase(deps, state.caseId, EVIDENCE_RECORDER, { evidence: item.evidenceId }, (s) => ({
      events:
        s.evidence?.[item.evidenceId]?.status === 'issued'
          ? [
              {
                type: 'evidence-recorded',
                evidenceId: item.evidenceId,
                ...(stored.versionId ? { versionId: stored.versionId } : {}),
                sha256: item.sha256,
                sizeBytes: stored.sizeBytes,
                contentType: item.contentType,
                verified,
                legalHold,
              },
            ]
          : [],
      result: undefined,
    }));
    return { outcome: 'recorded', evidenceId: item.evidenceId, sha256: item.sha256 };
  };
}

export interface EvidenceView {
  readonly evidenceId: string;
  readonly step: string;
  readonly kind: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploader: string;
  readonly device: string;
  readonly location?: EvidenceItem['location'];
  readonly description: string;
  readonly capturedAt?: string;
  readonly issuedAt: string;
  /** `expired`: the upload link ran out and nothing was recorded. */
  readonly status: 'recorded' | 'pending' | 'expired';
  readonly recordedAt?: string;
  readonly versionId?: string;
  readonly verified?: readonly EvidenceCheck[];
  readonly legalHold: boolean;
  readonly accesses: number;
}

export function evidenceView(item: EvidenceItem, now: string): EvidenceView {
  const status = item.status === 'recorded' ? 'recorded' : now > item.expiresAt ? 'expired' : 'pending';
  const { multipart: _parts, key: _key, expiresAt: _expires, status: _status, legalHold, ...rest } = item;
  return { ...rest, status, legalHold: legalHold ?? false };
}

/** The evidence of a case, optionally of one step (what an approver deciding that step sees). Reads never write. */
export function listEvidence(deps: Pick<Deps, 'cases' | 'clock' | 'staff'>) {
  return async (identity: Identity, caseId: string, filter: { readonly step?: string } = {}) => {
    const state = await caseFor(deps, caseId);
    await authorize(deps, identity, state, 'view');
    const now = deps.clock.now();
    const items = Object.values(state.evidence ?? {})
      .filter((item) => filter.step === undefined || item.step === filter.step)
      .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt))
      .map((item) => evidenceView(item, now));
    return { caseId: state.caseId, caseNumber: state.caseNumber, legalHold: state.legalHold, evidence: items };
  };
}

/** A view or download link: an access, so it is written on the journal before the link exists. */
export function issueEvidenceAccess(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'staff' | 'evidence'>) {
  return async (
    identity: Identity,
    caseId: string,
    evidenceId: string,
    purpose: 'view' | 'download',
  ): Promise<{ readonly evidenceId: string; readonly link: PresignedRequest; readonly sha256: string }> => {
    const state = await caseFor(deps, caseId);
    const { member, actor } = await authorize(deps, identity, state, 'view');
    const item = itemOf(state, evidenceId);
    if (item.status !== 'recorded') throw conflict(`证据 ${evidenceId} 尚未入卷`);
    if (item.purgedAt) throw gone(`证据 ${evidenceId} 已于 ${item.purgedAt} 保存期满清除，不再提供链接`);
    // Storage that re-hashes what it keeps may have found the object changed: such an object gets no link.
    const stored = await deps.evidence.head(item.key, item.versionId);
    if (stored?.failedVerification) {
      throw new UseCaseError(
        'evidence-failed-verification',
        409,
        `证据 ${evidenceId} 未通过完整性核验（${stored.failedVerification.at} 发现：${stored.failedVerification.problem}），不提供查看或下载链接，请联系指挥中心核查`,
      );
    }
    // An archived object (a closed case's, in Deep Archive) is restored first: the caller comes back for the link.
    await ensureReadable(deps, state, item, stored, { userId: member.userId, actor });
    const now = deps.clock.now();
    const signing = { signedAt: now, expiresInSeconds: deps.rules.P_EVIDENCE.downloadLinkSeconds };
    await mutateCase(deps, state.caseId, actor, { evidence: evidenceId }, () => ({
      events: [
        {
          type: 'evidence-download-issued',
          evidenceId,
          by: member.userId,
          purpose,
          expiresAt: plusSeconds(now, signing.expiresInSeconds),
        },
      ],
      result: undefined,
    }));
    const link = await deps.evidence.presignDownload(
      {
        key: item.key,
        ...(item.versionId ? { versionId: item.versionId } : {}),
        disposition: purpose === 'view' ? 'inline' : 'attachment',
        fileName: evidenceId,
      },
      signing,
    );
    return { evidenceId, link, sha256: item.sha256 };
  };
}

/** Legal hold on every recorded object of the case (e.g. under appeal), or off again; new evidence follows it. */
export function setEvidenceLegalHold(deps: Pick<Deps, 'cases' | 'clock' | 'staff' | 'evidence'>) {
  return async (identity: Identity, caseId: string, on: boolean, reason: string) => {
    const state = await caseFor(deps, caseId);
    const { member, actor } = await authorize(deps, identity, state, 'legal-hold');
    if (reason.trim().length === 0) throw invalid('须说明理由');
    if (on && state.legalHold) throw conflict(`案件${state.caseNumber}的证据已在法律保留中`);
    if (!on && !state.legalHold) throw conflict(`案件${state.caseNumber}的证据未设法律保留`);
    const recorded = Object.values(state.evidence ?? {}).filter((item) => item.status === 'recorded' && !item.purgedAt);
    // Storage first, then the journal: a retry after a failure in between sets the same holds again.
    for (const item of recorded) await deps.evidence.setLegalHold(item.key, item.versionId, on);
    const evidence = recorded.map((item) => item.evidenceId);
    const { state: next } = await mutateCase(deps, state.caseId, actor, { legalHold: on ? 'set' : 'released' }, () => ({
      events: [
        { type: on ? 'legal-hold-set' : 'legal-hold-released', by: member.userId, reason: reason.trim(), evidence },
      ],
      result: undefined,
    }));
    return { caseId: next.caseId, legalHold: on, evidence };
  };
}

/**
 * A purge after the retention period, on the journal. Storage does the purge (`purge`: the embedded runtime's store
 * refuses it before the retention period ends and under legal hold; on AWS, Object Lock and the bucket's lifecycle
 * decide), then the journal records who, when and why. The record and its hash stay.
 */
export function recordEvidencePurge(deps: Pick<Deps, 'cases' | 'clock' | 'staff'>) {
  return async (
    identity: Identity,
    caseId: string,
    evidenceId: string,
    reason: string,
    purge: (key: string) => Promise<void> | void,
  ): Promise<{ readonly evidenceId: string; readonly purged: true }> => {
    const state = await caseFor(deps, caseId);
    const { member, actor } = await authorize(deps, identity, state, 'legal-hold');
    const item = itemOf(state, evidenceId);
    if (item.status !== 'recorded') throw conflict(`证据 ${evidenceId} 尚未入卷`);
    if (item.purgedAt) throw conflict(`证据 ${evidenceId} 已于 ${item.purgedAt} 清除`);
    if (reason.trim().length === 0) throw invalid('须说明理由');
    await purge(item.key);
    await mutateCase(deps, state.caseId, actor, { evidence: evidenceId }, () => ({
      events: [{ type: 'evidence-purged', evidenceId, by: member.userId, reason: reason.trim() }],
      result: undefined,
    }));
    return { evidenceId, purged: true };
  };
}

export interface EvidenceVerification {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly ok: boolean;
  readonly chain: ReturnType<typeof verifyChain>;
  readonly objects: readonly {
    readonly evidenceId: string;
    readonly ok: boolean;
    readonly problem?: string;
    /** In an archive class and not restored: not re-hashed this time (its record and hash stay on the journal). */
    readonly archived?: true;
  }[];
  /** The first thing that does not match, named: a journal commit (and its events) or an evidence object. */
  readonly firstProblem?: string;
}

/**
 * Re-hashes every recorded object and checks the journal's hash chain. Reads only: an integrity check is not an
 * access to the content by a person (the staff API guards it with the view permission).
 */
export function verifyEvidence(deps: Pick<Deps, 'cases' | 'evidence'>) {
  return async (caseId: string): Promise<EvidenceVerification> => {
    const state = await caseFor(deps, caseId);
    const commits = await deps.cases.history(state.caseId);
    const chain = verifyChain(commits, state);
    const objects: { evidenceId: string; ok: boolean; problem?: string; archived?: true }[] = [];
    // A purged object (after its retention period) has no bytes to check; its record and hash stay on the journal.
    const recorded = Object.values(state.evidence ?? {})
      .filter((item) => item.status === 'recorded' && !item.purgedAt)
      .sort((a, b) => (a.recordedAt ?? '').localeCompare(b.recordedAt ?? ''));
    for (const item of recorded) {
      let problem: string | undefined;
      // An archived object's bytes are readable only after a restore: it is checked when it is next restored.
      const stored = await deps.evidence.head(item.key, item.versionId);
      if (stored && needsRestore(stored.storageClass) && stored.restore?.state !== 'available') {
        objects.push({ evidenceId: item.evidenceId, ok: true, archived: true });
        continue;
      }
      try {
        const hashed = await deps.evidence.hash(item.key, item.versionId);
        if (hashed.sha256 !== item.sha256)
          problem = `存储内容的 SHA-256（${hashed.sha256.slice(0, 16)}…）与入卷记录不符`;
        else if (hashed.sizeBytes !== item.sizeBytes) problem = `存储内容大小 ${hashed.sizeBytes} 字节，与入卷记录不符`;
      } catch (error) {
        problem = `无法读取存储对象（${(error as Error).name}）`;
      }
      objects.push({ evidenceId: item.evidenceId, ok: problem === undefined, ...(problem ? { problem } : {}) });
    }
    const badObject = objects.find((o) => !o.ok);
    let firstProblem: string | undefined;
    if (!chain.ok) {
      const commit = commits.find((c) => c.seq === chain.seq);
      const events = commit ? `（${commit.events.map((e) => e.type).join('、')}）` : '';
      firstProblem = `审计链第 ${chain.seq} 条记录${events}：${chain.problem}`;
    } else if (badObject) {
      const item = state.evidence?.[badObject.evidenceId];
      firstProblem = `证据 ${badObject.evidenceId}${item ? `「${item.description}」` : ''}：${badObject.problem}`;
    }
    return {
      caseId: state.caseId,
      caseNumber: state.caseNumber,
      ok: chain.ok && !badObject,
      chain,
      objects,
      ...(firstProblem ? { firstProblem } : {}),
    };
  };
}

/** The access check alone, for a caller that then runs a use case without identity (verification). */
export function authorizeEvidence(deps: Pick<Deps, 'cases' | 'staff'>) {
  return async (identity: Identity, caseId: string, action: EvidenceAction): Promise<void> => {
    await authorize(deps, identity, await caseFor(deps, caseId), action);
  };
}
