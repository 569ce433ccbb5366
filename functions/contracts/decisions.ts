/**
 * What a staff decision carries: approve or reject (a rejection needs its reason), and data specific to the step,
 * each step's own schema. The HTTP API validates the envelope; the decision use case validates the step's data
 * once it knows the approval's step. In zod/mini (contracts/zod-english.ts): the approvals use case, in most steps'
 * bundles, reads these schemas.
 */
import * as z from 'zod/mini';
import './zod-english.ts';
import type { ApprovalStep } from '#domain/approvals/policy.ts';
import { RULES } from '#domain/rules/values.ts';

export const Reason = z.string().check(z.trim(), z.minLength(2), z.maxLength(1000));
/** A positive amount or count (fen, days, months) up to the largest safe integer. */
const positive = z.int().check(z.positive(), z.maximum(Number.MAX_SAFE_INTEGER));

/** Step-specific decision data: strict objects, so that a field meant for another step is refused by name. */
export const DECISION_DATA = {
  'control-plan': {
    approved: z.strictObject({}),
    rejected: z.strictObject({}),
  },
  disbursement: {
    /** The approver confirms the total that will leave the case account (payouts and refund), in fen. */
    approved: z
      .strictObject({ confirmedAmountFen: positive })
      .check(z.describe('执行款发放审批：核对发放与退还的总金额（分）')),
    rejected: z.strictObject({}),
  },
  'auction-terms': {
    /** The panel may set other terms than proposed, within E2 (or E8 for a second auction) and E5. */
    approved: z
      .strictObject({
        startingPriceFen: z.optional(positive),
        depositFen: z.optional(positive),
      })
      .check(z.describe('拍卖条件审批：起拍价（分，startingPriceFen）与保证金（分，depositFen）；不填则按建议')),
    rejected: z.strictObject({}),
  },
  sanction: {
    /** C1: the president may decide other days or another amount than proposed, within the law's limits. */
    approved: z
      .strictObject({
        days: z.optional(z.int().check(z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER))),
        amountFen: z.optional(positive),
      })
      .check(z.describe('罚款、拘留审批：决定的拘留日数（days）或罚款金额（分，amountFen）；不填则按建议')),
    rejected: z.strictObject({}),
  },
  'credit-discipline': {
    /** C4, C6: each proposed measure is signed unless the president refuses it by name (`false`, with a reason). */
    approved: z
      .strictObject({ restriction: z.optional(z.boolean()), listing: z.optional(z.boolean()) })
      .check(
        z.describe(
          '限制消费令、失信决定书签发审批：分别决定是否签发限制消费令（restriction）与失信决定书（listing），false 为不同意该项（须说明理由）；不填则同意所拟各项',
        ),
      ),
    rejected: z.strictObject({}),
  },
  'final-closure': {
    approved: z.strictObject({}),
    rejected: z.strictObject({}),
  },
  closure: {
    approved: z.strictObject({}),
    rejected: z.strictObject({}),
  },
  'overdue-node': {
    approved: z.strictObject({}).check(z.describe('逾期节点督办：已督促办理（理由中写明措施）')),
    rejected: z.strictObject({}),
  },
  'term-extension': {
    /** The months the president extends the term by (P-TERM-EXTENSION: its default when absent, at most its maximum). */
    approved: z
      .strictObject({ months: z.optional(z.int().check(z.minimum(1), z.maximum(RULES.P_TERM_EXTENSION.maxMonths))) })
      .check(z.describe('延长执行期限审批：延长的月数（months）；不填则按默认期间')),
    rejected: z.strictObject({}),
  },
  'exit-ban': {
    approved: z.strictObject({}).check(z.describe('限制出境审批：同意签发限制出境决定')),
    rejected: z.strictObject({}),
  },
  'reward-notice': {
    approved: z.strictObject({}).check(z.describe('悬赏公告审批：同意发布（申请执行人预交悬赏金后发布）')),
    rejected: z.strictObject({}),
  },
  'judicial-relief': {
    /** M-RELIEF: the amount granted (within the usual cap, or up to the unpaid claim when exceptional). */
    approved: z
      .strictObject({
        grantedFen: z.optional(positive),
        exceptional: z.optional(z.boolean()),
      })
      .check(
        z.describe(
          '国家司法救助审批：救助金额（分，grantedFen），超过一般上限的须 exceptional 为 true；不填则按申请金额（不超过一般上限）',
        ),
      ),
    rejected: z.strictObject({}),
  },
  'bankruptcy-panel': {
    approved: z.strictObject({}).check(z.describe('移送破产审查：合议庭评议同意移送，报院长签署')),
    rejected: z.strictObject({}),
  },
  'bankruptcy-referral': {
    approved: z.strictObject({}).check(z.describe('移送破产审查：院长签署移送决定')),
    rejected: z.strictObject({}),
  },
} as const satisfies Record<ApprovalStep, Record<'approved' | 'rejected', z.ZodMiniObject>>;

export const DecisionData = z
  .record(z.string().check(z.maxLength(40)), z.union([z.string().check(z.maxLength(200)), z.number(), z.boolean()]))
  .check(z.describe('步骤相关的决定数据，按审批步骤校验（例如执行款发放须核对金额 confirmedAmountFen）'));

export const DecisionBody = z
  .discriminatedUnion('decision', [
    z.strictObject({ decision: z.literal('approved'), reason: z.optional(Reason), data: z.optional(DecisionData) }),
    z.strictObject({ decision: z.literal('rejected'), reason: Reason, data: z.optional(DecisionData) }),
  ])
  .check(z.describe('审批决定：同意，或不同意并说明理由'));
export type DecisionBody = z.infer<typeof DecisionBody>;
