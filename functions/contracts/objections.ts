/** The staff API's objection routes (执行异议, 复议, 案外人异议, 执行异议之诉): bodies and answers. */
import * as z from 'zod/mini';
import './zod-english.ts';
import { CaseId } from './api.ts';

const ObjectionId = z.string().check(z.regex(/^o[a-z2-7]{11}$/, 'must be an objection id'));
const Role = z.enum(['applicant', 'respondent', 'interested', 'third-party']);
const Day = z.iso.date();

export const ObjectionParams = z.strictObject({ caseId: CaseId, objectionId: ObjectionId });

export const ObjectionBody = z
  .strictObject({
    kind: z.enum(['act', 'third-party']),
    objector: z.strictObject({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)), role: Role }),
    /**
     * The act contested (执行行为异议): the seizure of `assetId` (the default), a deduction from it, its reference
     * price or its auction; or the listing (失信) or the consumption restriction (no asset).
     */
    act: z.optional(z.enum(['seizure', 'listing', 'deduction', 'restriction', 'price', 'auction'])),
    assetId: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
    grounds: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
    receivedOn: z.optional(Day),
  })
  .check(
    z.describe(
      '登记书面异议：执行行为异议（对查封、冻结、扣划、参考价、拍卖、失信名单、限制消费令）或案外人异议（对执行标的主张权利）',
    ),
  );

export const RulingBody = z
  .strictObject({
    outcome: z.enum(['upheld', 'dismissed']),
    reasons: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
    servedOn: z.optional(Day),
  })
  .check(z.describe('异议审查裁定：成立或驳回，及送达日期'));

export const ReconsiderationBody = z
  .strictObject({ appliedBy: Role, receivedOn: z.optional(Day) })
  .check(z.describe('登记向上一级人民法院申请复议（自裁定送达之日起十日内）'));

export const ReconsiderationDecisionBody = z
  .strictObject({ decision: z.enum(['affirmed', 'reversed']) })
  .check(z.describe('登记上一级人民法院的复议裁定：维持或撤销原裁定'));

export const SuitBody = z
  .strictObject({ plaintiff: Role })
  .check(z.describe('登记执行异议之诉（自裁定送达之日起十五日内）'));

export const JudgmentBody = z
  .strictObject({
    for: z.enum(['third-party', 'applicant']),
    reference: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  })
  .check(z.describe('登记执行异议之诉的判决：支持案外人（不得执行该标的）或驳回其诉讼请求'));

export const ObjectionResult = z.strictObject({
  caseId: CaseId,
  objectionId: ObjectionId,
  kind: z.enum(['act', 'third-party']),
  status: z.enum(['examining', 'ruled', 'reconsidering', 'in-suit', 'final']),
  effect: z.optional(z.enum(['released', 'resumed', 'unchanged', 'removed'])),
  nodes: z.array(z.strictObject({ node: z.string(), dueDate: z.string() })),
});
