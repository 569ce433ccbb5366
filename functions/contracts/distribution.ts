/**
 * The staff API's contracts for the disputes inside enforcement (issue 14): 参与分配, 中止执行, 暂缓执行 with 执行担保,
 * 执行回转. Amounts in whole fen; dates as China calendar dates.
 */
import * as z from 'zod';
import { CaseId } from './api.ts';

const Fen = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const Text = (max: number) => z.string().trim().min(1).max(max);
const PartyRef = z.string().trim().min(3).max(80);

export const DistributionApplyBody = z
  .object({
    name: Text(100),
    claimFen: Fen.positive(),
    priority: z.boolean().default(false),
    title: Text(100),
    caseNumber: z.string().trim().min(5).max(60).optional(),
  })
  .strict()
  .describe('记录其他债权人参与分配的申请：债权人、债权数额（分）、执行依据或优先权依据，本院执行案件的案号（如有）');

export const DistributionPlanBody = z
  .object({ costsFen: Fen.default(0) })
  .strict()
  .describe('制作财产分配方案：执行费用（分），其余按优先受偿、按比例受偿分配');

export const DistributionObjectionBody = z
  .object({ by: PartyRef, against: PartyRef, claimFen: Fen, reason: Text(500) })
  .strict()
  .describe('记录对分配方案的书面异议：异议人、被异议的债权人及异议人主张的债权数额（分）、理由');

export const DistributionOppositionBody = z.object({ by: PartyRef }).strict().describe('记录反对意见：提出人');

export const DistributionJudgmentBody = z
  .object({ upheld: z.enum(['original', 'revised']), judgment: Text(80) })
  .strict()
  .describe('记录分配方案异议之诉的判决：维持原方案（original）或支持异议（revised），判决书案号');

export const SuspensionBody = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('suspension'), ground: Text(60), note: Text(500) }).strict(),
    z
      .object({
        kind: z.literal('deferral'),
        note: Text(500),
        until: z.iso.date(),
        guarantor: Text(100),
        form: z.enum(['surety', 'property']),
        amountFen: Fen.positive(),
        periodMonths: z.int().min(1).max(120).optional(),
        applicantConsent: z.boolean(),
      })
      .strict(),
  ])
  .describe('提请中止执行（民事诉讼法第二百六十七条的事由）或暂缓执行（执行担保，须申请执行人同意）');

export const SuspensionRulingBody = z
  .object({ decision: z.enum(['approved', 'rejected']), reason: z.string().trim().max(500).optional() })
  .strict()
  .describe('执行局局长裁定（决定）中止或暂缓执行；不予批准须说明理由');

export const SuspensionLiftBody = z
  .object({ reason: Text(500) })
  .strict()
  .describe('恢复执行：中止的情形消失');

export const ReversalBody = z
  .object({ setAsideBy: Text(100), returnFen: Fen.positive(), note: z.string().trim().max(500).optional() })
  .strict()
  .describe('执行回转：撤销执行依据的法律文书、责令返还的金额（分）');

export const EmptyBody = z.object({}).strict();

/** Answers are the use cases' results: the case id and what changed, in the shapes the console reads. */
export const DisputeResult = z.object({ caseId: CaseId }).loose();

export const DisputeQuery = z.object({ withinDays: z.coerce.number().int().min(1).max(60).optional() }).strict();

export const PendingDisputes = z
  .object({
    items: z.array(
      z
        .object({
          caseId: CaseId,
          caseNumber: z.string(),
          node: z.string(),
          label: z.string(),
          dueDate: z.string(),
          light: z.string(),
        })
        .loose(),
    ),
  })
  .strict();
