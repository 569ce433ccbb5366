/** How the coercion phase's terms read to staff (Chinese): used in approval summaries and on the timeline. */
import type { ConductKind, SanctionKind } from '../case/model.ts';

export const CONDUCT_LABELS: Record<ConductKind, string> = {
  'refusal-with-ability': '有履行能力而拒不履行生效法律文书确定义务',
  obstruction: '妨碍执行',
  'violent-obstruction': '以暴力、威胁方法抗拒执行',
  'assets-hidden': '隐匿、转移财产',
  'report-refused': '拒不报告财产',
  'report-false': '虚假报告财产',
  'consumption-violation': '违反限制消费令',
  'settlement-breach': '无正当理由拒不履行执行和解协议',
};

const CHINESE_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A ground of 法释〔2017〕7号 第一条 as it is cited: 1 -> （一）. */
export function articleGround(n: number): string {
  return `（${CHINESE_NUMERALS[n] ?? String(n)}）项`;
}

export const SANCTION_LABELS: Record<SanctionKind, string> = { fine: '罚款', detention: '司法拘留' };

/** D5: the serious circumstances of refusal to execute that this system recognises. */
export const REFERRAL_GROUND_LABELS: Record<string, string> = {
  'violent-obstruction': '以暴力、威胁方法抗拒执行',
  'assets-hidden-with-ability': '有履行能力而隐匿、转移财产',
  'report-refused-after-sanction': '被罚款、拘留后仍拒不报告财产',
};
