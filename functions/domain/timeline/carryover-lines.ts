/** Timeline lines (Chinese) of 诉执衔接 (B3-CARRY) and of the time limit for applying (A12). */
import type { EnforcementCase } from '#domain/case/model.ts';
import type { CarryoverEvent } from '#domain/case/reducer-carryover.ts';
import { STATUS_LABELS } from '#domain/case/status.ts';
import { formatYuan } from '#domain/money.ts';

const ASSET_CLASS = {
  deposit: '存款',
  'online-funds': '网络资金',
  'real-estate': '不动产',
  vehicle: '车辆',
  securities: '证券',
} as const;

const EXCLUDED = {
  expired: '立案前已到期',
  lifted: '已解除保全',
  'other-party': '非本案被执行人的财产',
  'already-held': '本案已控制',
} as const;

const GROUND_LABELS: Readonly<Record<string, string>> = {
  heir: '被执行人死亡，继承人等在遗产范围内承担责任，第十条',
  'sole-proprietor': '个人独资企业不能清偿，追加出资人，第十三条',
  'unpaid-capital': '未缴纳或未足额缴纳出资的股东，第十七条',
  'withdrawn-capital': '抽逃出资的股东，第十八条',
  'transferred-unpaid': '未依法出资即转让股权的原股东，第十九条',
};

function groundLabel(ground: string): string {
  return GROUND_LABELS[ground] ?? ground;
}

function respondentName(state: EnforcementCase | undefined, partyId: string): string {
  return state?.respondents.find((r) => r.partyId === partyId)?.name ?? '被执行人';
}

export function describeCarryoverEvent(
  event: CarryoverEvent,
  state: EnforcementCase | undefined,
  member: (userId: string) => string,
): string {
  switch (event.type) {
    case 'preservation-carried': {
      const items = event.assets.map(
        (a) =>
          `${a.institution}${ASSET_CLASS[a.class]}${a.reference}${a.frozenFen > 0 ? `（冻结${formatYuan(a.frozenFen)}）` : ''}，${a.seizedOn}起至${a.freezeExpiresOn}`,
      );
      const left = event.excluded.map((e) => `${e.seizureId}（${EXCLUDED[e.reason]}）`);
      return `诉执衔接：保全${event.rulingNumber}的${event.assets.length}项保全措施自动转为本案的查封、冻结措施，期限连续计算，不重新制作裁定（B3-CARRY，民诉法解释第一百六十八条）${items.length > 0 ? `：${items.join('；')}` : ''}${left.length > 0 ? `；未转入：${left.join('、')}` : ''}`;
    }
    case 'application-limit-computed':
      return `申请执行期间（A12，民诉法第二百五十条）：自${event.from}（${event.countsFrom === 'perform-by' ? '履行期间最后一日' : '法律文书生效之日'}）起算二年，至${event.lastDay}届满；本案于${event.filedOn}申请，${event.within ? '在期间内' : '已超过期间（人民法院应予受理，不依职权审查；被执行人提出异议的，依法审查）'}${event.unconfirmedYears.length > 0 ? `【${event.unconfirmedYears.join('、')}年节假日安排未确认，按周一至周五计算】` : ''}`;
    case 'limitation-objection-raised':
      return `执行时效异议：${respondentName(state, event.respondentId)}以超过申请执行期间为由提出异议，${event.receivedOn}收到，由${member(event.by)}登记${event.note ? `（${event.note}）` : ''}`;
    case 'limitation-objection-decided':
      return event.outcome === 'upheld'
        ? `执行时效异议成立：${member(event.by)}裁定不予执行（${event.reason}），请承办人依法办理结案`
        : `执行时效异议不成立：${member(event.by)}裁定驳回异议（${event.reason}${event.interruptedOn ? `；申请执行时效于${event.interruptedOn}中断，重新计算` : ''}），继续执行`;
    case 'party-change-applied':
      return `${event.change === 'add' ? '追加' : '变更'}被执行人申请：${event.receivedOn}收到，拟${event.change === 'add' ? '追加' : '变更'}${event.party.name}为被执行人（${groundLabel(event.ground)}）${event.liabilityCapFen !== undefined ? `，在${formatYuan(event.liabilityCapFen)}范围内承担责任` : ''}，由${member(event.by)}登记；应于60日内审查裁定（V1，变更追加规定第二十八条）`;
    case 'party-change-ruled':
      return `${event.outcome === 'granted' ? '裁定变更、追加被执行人' : '裁定驳回变更、追加申请'}：${member(event.by)}（${event.reason}），裁定书于${event.servedOn}送达，当事人可在法定期间内申请复议或提起执行异议之诉（V1、V2）`;
    case 'party-change-challenged':
      return `${event.route === 'lawsuit' ? '已提起执行异议之诉' : '已向上一级法院申请复议'}（${event.filedOn}，${member(event.by)}登记）`;
    case 'joined-inquiry-waits':
      return `新追加、变更的被执行人${event.respondents.map((r) => respondentName(state, r)).join('、')}已送达程序启动；案件正处于“${STATUS_LABELS[event.status]}”，网络查控暂缓，待承办人再次确认裁定生效后启动`;
    case 'party-change-settled':
      return event.outcome === 'granted'
        ? `变更、追加被执行人裁定生效：${respondentName(state, state?.partyChanges?.[event.applicationId]?.partyId ?? '')}成为本案被执行人（${event.reason}）`
        : `变更、追加申请最终未获支持（${event.reason}）`;
  }
}
