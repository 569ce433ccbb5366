/**
 * Field evidence rules: what may be uploaded (P-EVIDENCE in the rule table), to which step of a case it may be
 * linked, and who may do what with evidence. One table each; the use cases ask, never decide with an `if`.
 */
import type { Rules } from '../rules/table.ts';
import type { Role, StaffMember } from '../staff/roles.ts';
import { isSha256Hex, partSizes } from './objects.ts';

export type EvidenceKind = keyof Rules['P_EVIDENCE']['kinds'];

/**
 * The steps of a case evidence may be linked to. The two approval steps are those an approver decides: evidence
 * linked to them is shown with the approval.
 */
export const EVIDENCE_STEPS = {
  service: '送达',
  'control-plan': '冻结扣划方案（现场查封、扣押）',
  disbursement: '执行款发放',
  seizure: '现场查封、扣押',
  obstruction: '妨害执行',
  'on-site': '现场执行',
} as const;
export type EvidenceStep = keyof typeof EVIDENCE_STEPS;

export function isEvidenceStep(step: string): step is EvidenceStep {
  return Object.hasOwn(EVIDENCE_STEPS, step);
}

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  photo: '照片',
  video: '视频',
  audio: '录音',
  document: '文件',
};

export type EvidenceAction = 'upload' | 'view' | 'legal-hold';

/** Who may do what with a case's evidence (always staff of the case's court). */
export const EVIDENCE_ACCESS: Readonly<Record<EvidenceAction, readonly Role[]>> = {
  upload: ['field-officer', 'handling-officer', 'team-lead'],
  view: [
    'field-officer',
    'handling-officer',
    'team-lead',
    'bureau-chief',
    'president',
    'panel-member',
    'command-center',
    'auditor',
  ],
  'legal-hold': ['handling-officer', 'team-lead', 'bureau-chief'],
};

export type AccessRefusal = 'unknown-user' | 'wrong-role' | 'other-court';

/** Why this member may not do this with evidence of a case of `court`, or undefined if they may. */
export function evidenceAccessRefusal(
  member: StaffMember | undefined,
  action: EvidenceAction,
  court: string,
): AccessRefusal | undefined {
  if (!member?.active) return 'unknown-user';
  if (!member.roles.some((role) => EVIDENCE_ACCESS[action].includes(role))) return 'wrong-role';
  if (member.court !== court) return 'other-court';
  return undefined;
}

export interface DeclaredUpload {
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  /** SHA-256 (hex) of each part, when the file is large enough to go by multipart upload. */
  readonly partsSha256?: readonly string[];
  readonly description: string;
}

export type UploadPlan =
  | { readonly ok: true; readonly kind: EvidenceKind; readonly method: 'single' }
  | {
      readonly ok: true;
      readonly kind: EvidenceKind;
      readonly method: 'multipart';
      readonly partBytes: number;
      readonly parts: number;
    }
  | {
      readonly ok: false;
      readonly refusal: 'content-type' | 'too-large' | 'empty' | 'checksum' | 'parts' | 'description';
      readonly message: string;
    };

const MIB = 1024 * 1024;
const mib = (bytes: number) => `${Math.round((bytes / MIB) * 10) / 10} MB`;

/** P-EVIDENCE: is this declared upload acceptable, and how does it travel (one PUT or multipart)? */
export function planUpload(declared: DeclaredUpload, rules: Rules): UploadPlan {
  const policy = rules.P_EVIDENCE;
  const entry = (Object.entries(policy.kinds) as [EvidenceKind, (typeof policy.kinds)[EvidenceKind]][]).find(([, k]) =>
    (k.contentTypes as readonly string[]).includes(declared.contentType),
  );
  if (!entry) {
    const accepted = Object.values(policy.kinds).flatMap((k) => k.contentTypes);
    return {
      ok: false,
      refusal: 'content-type',
      message: `不接受的文件类型 ${declared.contentType}（可接受：${accepted.join('、')}）`,
    };
  }
  const [kind, limits] = entry;
  if (!Number.isSafeInteger(declared.sizeBytes) || declared.sizeBytes <= 0) {
    return { ok: false, refusal: 'empty', message: '文件大小必须是正整数字节数' };
  }
  if (declared.sizeBytes > limits.maxBytes) {
    return {
      ok: false,
      refusal: 'too-large',
      message: `${EVIDENCE_KIND_LABELS[kind]}不得超过 ${mib(limits.maxBytes)}，申报大小 ${mib(declared.sizeBytes)}`,
    };
  }
  if (!isSha256Hex(declared.sha256)) {
    return { ok: false, refusal: 'checksum', message: 'SHA-256 须为 64 位十六进制小写字符' };
  }
  const description = declared.description.trim();
  if (description.length === 0 || description.length > policy.descriptionMaxChars) {
    return { ok: false, refusal: 'description', message: `须填写说明（不超过 ${policy.descriptionMaxChars} 字）` };
  }
  if (declared.sizeBytes <= policy.singleUploadMaxBytes) return { ok: true, kind, method: 'single' };
  const parts = partSizes(declared.sizeBytes, policy.partBytes).length;
  const given = declared.partsSha256 ?? [];
  if (given.length !== parts || !given.every(isSha256Hex)) {
    return {
      ok: false,
      refusal: 'parts',
      message: `大于 ${mib(policy.singleUploadMaxBytes)} 的文件分 ${parts} 段上传（每段 ${mib(policy.partBytes)}），须申报每段的 SHA-256`,
    };
  }
  return { ok: true, kind, method: 'multipart', partBytes: policy.partBytes, parts };
}
