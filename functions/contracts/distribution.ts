/**
 * The staff API's contracts for the disputes inside enforcement (issue 14): 参与分配, 中止执行, 暂缓执行 with 执行担保,
 * 执行回转. Amounts in whole fen; dates as China calendar dates.
 */
import * as z from 'zod/mini';
import './zod-english.ts';
import { CaseId } from './api.ts';

const Fen = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const PartyRef = z.string().check(z.trim(), z.minLength(3), z.maxLength(80));

export const DistributionApplyBody = z
  .strictObject({
    name: Text(100),
    claimFen: Fen.check(z.positive()),
    priority: z._default(z.boolean(), false),
    title: Text(100),
    caseNumber: z.optional(z.string().check(z.trim(), z.minLength(5), z.maxLength(60))),
  })
  .check(
    z.describe(
      '记录其他债权人参与分配的申请：债权人、债权数额（分）、执行依据或优先权依据，本院执行案件的案号（如有）',
    ),
  );

export const DistributionPlanBody = z
  .strictObject({ costsFen: z._default(Fen, 0) })
  .check(z.describe('制作财产分配方案：执行费用（分），其余按优先受偿、按比例受偿分配'));

export const DistributionObjectionBody = z
  .strictObject({ by: PartyRef, against: PartyRef, claimFen: Fen, reason: Text(500) })
  .check(z.describe('记录对分配方案的书面异议：异议人、被异议的债权人及异议人主张的债权数额（分）、理由'));

export const DistributionOppositionBody = z.strictObject({ by: PartyRef }).check(z.describe('记录反对意见：提出人'));

export const DistributionJudgmentBody = z
  .strictObject({ upheld: z.enum(['original', 'revised']), judgment: Text(80) })
  .check(z.describe('记录分配方案异议之诉的判决：维持原方案（original）或支持异议（revised），判决书案号'));

export const SuspensionBody = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('suspension'), ground: Text(60), note: Text(500) }),
    z.strictObject({
      kind: z.literal('deferral'),
      note: Text(500),
      until: z.iso.date(),
      guarantor: Text(100),
      form: z.enum(['surety', 'property']),
      amountFen: Fen.check(z.positive()),
      periodMonths: z.optional(z.int().check(z.minimum(1), z.maximum(120))),
      applicantConsent: z.boolean(),
    }),
  ])
  .check(z.describe('提请中止执行（民事诉讼法第二百六十七条的事由）或暂缓执行（执行担保，须申请执行人同意）'));

export const SuspensionRulingBody = z
  .strictObject({
    decision: z.enum(['approved', 'rejected']),
    reason: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  })
  .check(z.describe('执行局局长裁定（决定）中止或暂缓执行；不予批准须说明理由'));

export const SuspensionLiftBody = z.strictObject({ reason: Text(500) }).check(z.describe('恢复执行：中止的情形消失'));

export const ReversalBody = z
  .strictObject({
    setAsideBy: Text(100),
    returnFen: Fen.check(z.positive()),
    note: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  })
  .check(z.describe('执行回转：撤销执行依据的法律文书、责令返还的金额（分）'));

export const EmptyBody = z.strictObject({});

/** Answers are the use cases' results: the case id and what changed, in the shapes the console reads. */
export const DisputeResult = z.looseObject({ caseId: CaseId });

export const DisputeQuery = z.strictObject({
  withinDays: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(60))),
});

export const PendingDisputes = z.strictObject({
  items: z.array(
    z.looseObject({
      caseId: CaseId,
      caseNumber: z.string(),
      node: z.string(),
      label: z.string(),
      dueDate: z.string(),
      light: z.string(),
    }),
  ),
});
