/** Timeline lines (Chinese) for the disputes: 参与分配, 中止执行, 暂缓执行 with 执行担保, 执行回转. */
import type { EnforcementCase } from '#domain/case/model.ts';
import type { DisputeEvent } from '#domain/disputes/distribution-events.ts';
import type { FundSources } from '#domain/disputes/distribution-funds.ts';
import type { Share } from '#domain/disputes/distribution-plan.ts';
import { DEFERRAL_END, GROUND_LABELS } from '#domain/disputes/suspension.ts';
import { type Fen, formatYuan } from '#domain/money.ts';

export interface DisputeNames {
  member(userId: string): string;
}

/** A creditor of the distribution by name (the applicants of this case, or the creditors who applied). */
export function creditorName(state: EnforcementCase | undefined, creditorId: string): string {
  const applied = state?.distribution?.creditors.find((c) => c.creditorId === creditorId);
  if (applied) return applied.name;
  const party = [...(state?.applicants ?? []), ...(state?.respondents ?? [])].find((p) => p.partyId === creditorId);
  return party?.name ?? creditorId;
}

function shares(state: EnforcementCase | undefined, list: readonly Share[]): string {
  return list
    .filter((s) => s.amountFen > 0)
    .map((s) => `${creditorName(state, s.creditorId)} ${formatYuan(s.amountFen)}`)
    .join('；');
}

const PLAN_LABELS = { original: '原分配方案', revised: '依异议修正后的分配方案', undisputed: '无争议部分' } as const;

export function describeDisputeEvent(
  event: DisputeEvent,
  state: EnforcementCase | undefined,
  names: DisputeNames,
): string {
  switch (event.type) {
    case 'distribution-applied': {
      const c = event.creditor;
      const role = c.host ? '本案申请执行人' : c.priority ? '优先受偿债权人' : '其他债权人';
      return `申请参与分配：${c.name}（${role}），债权${formatYuan(c.claimFen)}，依据${c.title}${c.caseId ? '（本院执行案件，同一被执行人）' : ''}`;
    }
    case 'distribution-planned': {
      const p = event.plan;
      return `制作财产分配方案（${names.member(event.by)}）：可供分配${formatYuan(p.availableFen)}${event.funds ? funds(event.funds) : ''}，执行费用${formatYuan(p.costsFen)}；${shares(state, p.shares)}${p.refundFen > 0 ? `；余款退还被执行人${formatYuan(p.refundFen)}` : ''}（DIST-ORDER）`;
    }
    case 'distribution-served':
      return `分配方案经${names.member(event.by)}签发，于${event.servedOn}送达各债权人和被执行人，收到之日起十五日内可提出书面异议（DIST-OBJECTION）`;
    case 'distribution-objected':
      return `分配方案异议：${creditorName(state, event.by)}认为${creditorName(state, event.against)}的债权应为${formatYuan(event.claimFen)}（${event.reason}），已通知未提出异议的债权人和被执行人，十五日内可提出反对意见（DIST-OPPOSITION）`;
    case 'distribution-opposed':
      return `反对意见：${creditorName(state, event.by)}反对该异议，已通知异议人，异议人可于十五日内提起分配方案异议之诉（DIST-OPPOSITION）`;
    case 'distribution-suit-filed':
      return `分配方案异议之诉：${creditorName(state, event.by)}已起诉，与争议债权相应的${formatYuan(event.heldFen)}予以提存，其余按无争议部分分配`;
    case 'distribution-paid':
      return `参与分配款发放（${PLAN_LABELS[event.as]}，${event.reason}）：${shares(state, event.shares) || '无'}${event.refundFen > 0 ? `；退还被执行人${formatYuan(event.refundFen as Fen)}` : ''}`;
    case 'distribution-share-received':
      return `参与分配受偿：${creditorName(state, event.payeeId)}在${event.fromCaseNumber}的分配中受领${formatYuan(event.amountFen)}，计入本案已执行金额`;
    case 'freed-deduction-ordered': {
      const asset = state?.assets[event.assetId];
      return `向${asset?.institution ?? ''}发出扣划通知：${asset?.reference ?? event.assetId}冻结款项${formatYuan(event.amountFen)}（${event.reason}）`;
    }
    case 'suspension-proposed':
      return event.kind === 'deferral'
        ? `申请暂缓执行（执行担保）：${event.guarantee?.guarantor ?? ''}提供${event.guarantee?.form === 'property' ? '财产担保' : '保证'}${formatYuan(event.guarantee?.amountFen ?? (0 as Fen))}，暂缓至${event.until ?? ''}，担保期间至${event.guarantee?.periodEndsOn ?? ''}，申请执行人同意（${names.member(event.by)}提请）`
        : `提请中止执行：${GROUND_LABELS[event.ground] ?? event.ground}（${event.note}，${names.member(event.by)}提请）`;
    case 'suspension-ruled':
      return event.decision === 'approved'
        ? `${names.member(event.by)}签发裁定（决定），自${event.on}起停止执行，期间不计入执行期限（TERM-EXCLUDED）`
        : `${names.member(event.by)}不予批准中止（暂缓）执行${event.reason ? `：${event.reason}` : ''}`;
    case 'suspension-lifted':
      return `恢复执行（${event.reason}，${event.by === DEFERRAL_END ? '系统按期自动恢复，DEFERRAL' : names.member(event.by)}），停止执行${event.excludedDays}日不计入执行期限，执行期限相应顺延`;
    case 'guarantee-called':
      return `暂缓执行期限届满仍不履行：恢复执行，裁定执行${event.against}的担保财产或保证人的财产（DEFERRAL）`;
    case 'reversal-ordered':
      return `执行回转：据以执行的法律文书已被撤销（${event.setAsideBy}），裁定责令${creditorName(state, event.from)}返还已取得的${formatYuan(event.returnFen)}（${names.member(event.ruledBy)}签发，REVERSAL）`;
    case 'reversal-filed':
      return `执行回转案件已立案：${event.caseNumber}`;
  }
}

/** Where the money shared came from: deductions, sales, payments (and what left the account before). */
function funds(f: FundSources): string {
  const parts = [
    f.deductionFen > 0 ? `扣划存款${formatYuan(f.deductionFen)}` : '',
    f.saleFen > 0 ? `拍卖、变卖所得${formatYuan(f.saleFen)}` : '',
    f.paidInFen > 0 ? `交付执行款${formatYuan(f.paidInFen)}` : '',
  ].filter((p) => p !== '');
  const out = f.paidOutFen > 0 ? `，已发放${formatYuan(f.paidOutFen)}` : '';
  return parts.length > 0 ? `（其中${parts.join('、')}${out}）` : '';
}
