/** The measures' staff API bodies and answers (exit restriction, reward notice, judicial relief, bankruptcy referral). */
import * as z from 'zod/mini';
import './zod-english.ts';
import { CaseParams } from './api.ts';

const Fen = z.int().check(z.positive(), z.maximum(Number.MAX_SAFE_INTEGER));
const Id = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
const Text = z.string().check(z.trim(), z.minLength(2), z.maxLength(1000));

export { CaseParams };

export const ExitBanBody = z
  .strictObject({
    respondentId: Id,
    origin: z
      .enum(['application', 'own-motion'])
      .check(z.describe('application：申请执行人书面申请；own-motion：依职权')),
    applicantId: z.optional(Id).check(z.describe('依申请的，提出书面申请的申请执行人')),
    roles: z
      .optional(
        z.array(z.enum(['legal-representative', 'principal', 'directly-responsible-person'])).check(z.maxLength(3)),
      )
      .check(z.describe('被执行人为单位的，限制出境的人员（默认法定代表人）')),
    reason: Text,
  })
  .check(z.describe('限制出境：依申请或依职权，报请审批（M-EXIT-BAN）'));

export const ExitLiftBody = z
  .strictObject({ reason: z.enum(['security-given', 'applicant-consent']) })
  .check(z.describe('解除限制出境：被执行人提供担保或申请执行人同意（履行完毕、结案时自动解除）'));

export const RewardBody = z
  .strictObject({
    applicantId: Id,
    method: z.enum(['fixed', 'share']).check(z.describe('fixed：固定数额；share：按线索执行到位金额的比例')),
    amountFen: z.optional(Fen).check(z.describe('固定数额（分）')),
    shareBasisPoints: z
      .optional(z.int().check(z.minimum(1), z.maximum(10_000)))
      .check(z.describe('比例（基点，100 = 1%）')),
    capFen: z.optional(Fen).check(z.describe('按比例计算时的最高数额（分），申请执行人预交')),
  })
  .check(z.describe('悬赏查找财产：申请执行人书面申请（M-REWARD 第二十一条）'));

export const DepositBody = z.strictObject({ amountFen: Fen, reference: Id }).check(z.describe('申请执行人预交悬赏金'));

export const LeadBody = z
  .strictObject({
    informantRef: Id.check(z.describe('举报人登记编号（不含姓名、证件号）')),
    summary: Text,
  })
  .check(z.describe('登记财产线索（举报人信息保密）'));

export const LeadCheckBody = z
  .strictObject({
    leadId: Id,
    outcome: z.enum(['confirmed', 'unfounded']),
    note: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  })
  .check(z.describe('核查财产线索：属实或不属实'));

export const LeadMoneyBody = z
  .strictObject({ leadId: Id, amountFen: Fen })
  .check(z.describe('依线索执行到位的金额（分）：计算并发放悬赏金'));

export const CloseRewardBody = z.strictObject({ reason: Text }).check(z.describe('结束悬赏，退还未发放的预交悬赏金'));

export const ReliefBody = z
  .strictObject({ applicantId: Id, hardship: Text, requestedFen: Fen })
  .check(z.describe('申请国家司法救助（M-RELIEF）'));

export const ReliefPaymentBody = z.strictObject({ reference: Id }).check(z.describe('救助资金已发放（财务凭证号）'));

export const ReferralBody = z
  .strictObject({
    respondentId: Id,
    consentBy: z.enum(['applicant', 'respondent']),
    consentPartyId: Id,
    insolvency: Text.check(z.describe('不能清偿到期债务，并且资产不足以清偿全部债务或者明显缺乏清偿能力的事实')),
    toCourt: z.strictObject({
      code: z.string().check(z.minLength(2), z.maxLength(20)),
      name: z.string().check(z.minLength(1), z.maxLength(100)),
    }),
  })
  .check(z.describe('移送破产审查：企业法人被执行人，经书面同意（M-BANKRUPTCY）'));

export const EmptyBody = z.strictObject({});

export const MeasureResult = z.strictObject({
  caseId: z.string(),
  execution: z.optional(z.string()),
  leadId: z.optional(z.string()),
  sent: z.optional(z.array(z.string())),
});

const Person = z.strictObject({ personId: z.string(), partyId: z.string(), role: z.string() });

export const MeasuresView = z.strictObject({
  caseId: z.string(),
  exitBan: z.optional(
    z.strictObject({
      status: z.string(),
      label: z.string(),
      origin: z.string(),
      persons: z.array(Person),
      restricted: z.array(z.string()),
      released: z.array(z.string()),
      notices: z.array(
        z.strictObject({ kind: z.string(), round: z.number(), sentAt: z.string(), answered: z.boolean() }),
      ),
      liftReason: z.optional(z.string()),
    }),
  ),
  reward: z.optional(
    z.strictObject({
      status: z.string(),
      label: z.string(),
      method: z.string(),
      capFen: z.number(),
      depositFen: z.number(),
      paidFen: z.number(),
      refundedFen: z.number(),
      leads: z.array(
        z.strictObject({
          leadId: z.string(),
          receivedAt: z.string(),
          informantRef: z.string().check(z.describe('举报人登记编号（不含姓名、证件号）')),
          status: z.string(),
          label: z.string(),
          summary: z.string(),
          realisedFen: z.number(),
          rewardFen: z.optional(z.number()),
        }),
      ),
    }),
  ),
  relief: z.optional(
    z.strictObject({
      status: z.string(),
      label: z.string(),
      applicantId: z.string(),
      requestedFen: z.number(),
      grantedFen: z.optional(z.number()),
      recoveredFen: z.number(),
      toRecoverFen: z.number(),
      usualCapFen: z.number(),
    }),
  ),
  bankruptcy: z.optional(
    z.strictObject({ status: z.string(), label: z.string(), toCourt: z.string(), respondentId: z.string() }),
  ),
});
