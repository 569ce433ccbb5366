/** The measures' staff API bodies and answers (exit restriction, reward notice, judicial relief, bankruptcy referral). */
import * as z from 'zod';
import { CaseParams } from './api.ts';

const Fen = z.int().positive().max(Number.MAX_SAFE_INTEGER);
const Id = z.string().trim().min(1).max(100);
const Text = z.string().trim().min(2).max(1000);

export { CaseParams };

export const ExitBanBody = z
  .object({
    respondentId: Id,
    origin: z.enum(['application', 'own-motion']).describe('application：申请执行人书面申请；own-motion：依职权'),
    applicantId: Id.optional().describe('依申请的，提出书面申请的申请执行人'),
    roles: z
      .array(z.enum(['legal-representative', 'principal', 'directly-responsible-person']))
      .max(3)
      .optional()
      .describe('被执行人为单位的，限制出境的人员（默认法定代表人）'),
    reason: Text,
  })
  .strict()
  .describe('限制出境：依申请或依职权，报请审批（M-EXIT-BAN）');

export const ExitLiftBody = z
  .object({ reason: z.enum(['security-given', 'applicant-consent']) })
  .strict()
  .describe('解除限制出境：被执行人提供担保或申请执行人同意（履行完毕、结案时自动解除）');

export const RewardBody = z
  .object({
    applicantId: Id,
    method: z.enum(['fixed', 'share']).describe('fixed：固定数额；share：按线索执行到位金额的比例'),
    amountFen: Fen.optional().describe('固定数额（分）'),
    shareBasisPoints: z.int().min(1).max(10_000).optional().describe('比例（基点，100 = 1%）'),
    capFen: Fen.optional().describe('按比例计算时的最高数额（分），申请执行人预交'),
  })
  .strict()
  .describe('悬赏查找财产：申请执行人书面申请（M-REWARD 第二十一条）');

export const DepositBody = z.object({ amountFen: Fen, reference: Id }).strict().describe('申请执行人预交悬赏金');

export const LeadBody = z
  .object({
    informantRef: Id.describe('举报人登记编号（不含姓名、证件号）'),
    summary: Text,
  })
  .strict()
  .describe('登记财产线索（举报人信息保密）');

export const LeadCheckBody = z
  .object({ leadId: Id, outcome: z.enum(['confirmed', 'unfounded']), note: z.string().trim().max(500).optional() })
  .strict()
  .describe('核查财产线索：属实或不属实');

export const LeadMoneyBody = z
  .object({ leadId: Id, amountFen: Fen })
  .strict()
  .describe('依线索执行到位的金额（分）：计算并发放悬赏金');

export const CloseRewardBody = z.object({ reason: Text }).strict().describe('结束悬赏，退还未发放的预交悬赏金');

export const ReliefBody = z
  .object({ applicantId: Id, hardship: Text, requestedFen: Fen })
  .strict()
  .describe('申请国家司法救助（M-RELIEF）');

export const ReliefPaymentBody = z.object({ reference: Id }).strict().describe('救助资金已发放（财务凭证号）');

export const ReferralBody = z
  .object({
    respondentId: Id,
    consentBy: z.enum(['applicant', 'respondent']),
    consentPartyId: Id,
    insolvency: Text.describe('不能清偿到期债务，并且资产不足以清偿全部债务或者明显缺乏清偿能力的事实'),
    toCourt: z.object({ code: z.string().min(2).max(20), name: z.string().min(1).max(100) }).strict(),
  })
  .strict()
  .describe('移送破产审查：企业法人被执行人，经书面同意（M-BANKRUPTCY）');

export const EmptyBody = z.object({}).strict();

export const MeasureResult = z
  .object({
    caseId: z.string(),
    execution: z.string().optional(),
    leadId: z.string().optional(),
    sent: z.array(z.string()).optional(),
  })
  .strict();

const Person = z.object({ personId: z.string(), partyId: z.string(), role: z.string() }).strict();

export const MeasuresView = z
  .object({
    caseId: z.string(),
    exitBan: z
      .object({
        status: z.string(),
        label: z.string(),
        origin: z.string(),
        persons: z.array(Person),
        restricted: z.array(z.string()),
        released: z.array(z.string()),
        notices: z.array(
          z.object({ kind: z.string(), round: z.number(), sentAt: z.string(), answered: z.boolean() }).strict(),
        ),
        liftReason: z.string().optional(),
      })
      .strict()
      .optional(),
    reward: z
      .object({
        status: z.string(),
        label: z.string(),
        method: z.string(),
        capFen: z.number(),
        depositFen: z.number(),
        paidFen: z.number(),
        refundedFen: z.number(),
        leads: z.array(
          z
            .object({
              leadId: z.string(),
              receivedAt: z.string(),
              informantRef: z.string().describe('举报人登记编号（不含姓名、证件号）'),
              status: z.string(),
              label: z.string(),
              summary: z.string(),
              realisedFen: z.number(),
              rewardFen: z.number().optional(),
            })
            .strict(),
        ),
      })
      .strict()
      .optional(),
    relief: z
      .object({
        status: z.string(),
        label: z.string(),
        applicantId: z.string(),
        requestedFen: z.number(),
        grantedFen: z.number().optional(),
        recoveredFen: z.number(),
        toRecoverFen: z.number(),
        usualCapFen: z.number(),
      })
      .strict()
      .optional(),
    bankruptcy: z
      .object({ status: z.string(), label: z.string(), toCourt: z.string(), respondentId: z.string() })
      .strict()
      .optional(),
  })
  .strict();
