/** Timeline lines of objections (执行异议, 复议, 案外人异议, 执行异议之诉), in Chinese. */
import type { EnforcementCase } from '#domain/case/model.ts';
import {
  ACT_LABELS,
  CASE_ACTS,
  type ContestedAct,
  KIND_LABELS,
  OBJECTOR_LABELS,
  type ObjectionEvent,
} from '#domain/disputes/objection-model.ts';

export function describeObjectionEvent(
  event: ObjectionEvent,
  state: EnforcementCase | undefined,
  member: (userId: string) => string,
  assetName: (assetId: string) => string,
): string {
  const objection = state?.objections?.[event.objectionId];
  const kind = objection ? KIND_LABELS[objection.kind] : '异议';
  switch (event.type) {
    case 'objection-filed':
      return `收到${KIND_LABELS[event.kind]}：${OBJECTOR_LABELS[event.objector.role]}${event.objector.name}${target(event.kind, event.act, assetName(event.assetId))}提出书面异议（${event.receivedOn}收到，${names(event.kind)}），理由：${event.grounds}；${member(event.by)}登记（异议编号 ${event.objectionId}）`;
    case 'objection-ruled':
      return `${kind}裁定（${member(event.by)}）：${
        event.outcome === 'upheld'
          ? objection?.kind === 'third-party'
            ? '异议成立，中止对该标的的执行'
            : UPHELD[objection?.act ?? 'seizure']
          : '异议不成立，驳回'
      }，${event.servedOn}送达；${objection?.kind === 'third-party' ? '自送达之日起十五日内可提起执行异议之诉，期间不得处分该财产' : '自送达之日起十日内可向上一级人民法院申请复议'}。理由：${event.reasons}`;
    case 'reconsideration-applied':
      return `${OBJECTOR_LABELS[event.appliedBy]}不服异议裁定，向上一级人民法院申请复议（${event.receivedOn}收到，三十日内审查完毕；复议期间不停止执行）`;
    case 'reconsideration-decided':
      return event.decision === 'reversed'
        ? '上一级人民法院复议裁定：撤销原异议裁定'
        : '上一级人民法院复议裁定：驳回复议申请，维持原裁定';
    case 'objection-suit-filed':
      return `${OBJECTOR_LABELS[event.plaintiff]}提起执行异议之诉，诉讼期间不得处分${objection ? assetName(objection.assetId) : '该财产'}`;
    case 'objection-judgment':
      return `执行异议之诉判决（${event.reference}）：${event.for === 'third-party' ? '不得执行该执行标的' : '驳回案外人诉讼请求'}`;
    case 'objection-final':
      return `${kind}终结：${event.reason}${event.effect === 'resumed' ? '，恢复对该财产的处分' : ''}`;
  }
}

function target(kind: 'act' | 'third-party', act: ContestedAct | undefined, asset: string): string {
  if (kind === 'third-party') return `对执行标的${asset}`;
  const what = act ?? 'seizure';
  return CASE_ACTS.includes(what) ? `对${ACT_LABELS[what]}` : `对${ACT_LABELS[what]}${asset}`;
}

/** What an upheld ruling on an act will undo once it stands. */
const UPHELD: Readonly<Record<ContestedAct, string>> = {
  seizure: '异议成立，撤销该执行行为（待裁定生效后解除）',
  listing: '异议成立，撤销纳入失信名单的决定（待裁定生效后删除）',
  deduction: '异议成立，撤销扣划（待裁定生效后退还被执行人）',
  restriction: '异议成立，撤销限制消费令（待裁定生效后解除）',
  price: '异议成立，撤销处置参考价（待裁定生效后重新确定参考价）',
  auction: '异议成立，撤销拍卖（待裁定生效后停止或撤销拍卖）',
};

function names(kind: 'act' | 'third-party'): string {
  return kind === 'act' ? '十五日内审查，审查期间不停止执行' : '十五日内审查';
}
