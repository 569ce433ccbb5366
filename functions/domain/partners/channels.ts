/**
 * The network inquiry and control channels (网络查控: the national 总对总 system and provincial 点对点 links).
 * Each answers on its own, asynchronously; some answer "nothing found", some do not answer in time.
 */
import type { AssetClass } from '../case/model.ts';

export interface InquiryChannel {
  readonly channel: string;
  readonly name: string;
  readonly reports: readonly AssetClass[];
}

export const INQUIRY_CHANNELS: readonly InquiryChannel[] = [
  { channel: 'icbc', name: '中国工商银行', reports: ['deposit'] },
  { channel: 'ccb', name: '中国建设银行', reports: ['deposit'] },
  { channel: 'abc', name: '中国农业银行', reports: ['deposit'] },
  { channel: 'boc', name: '中国银行', reports: ['deposit'] },
  { channel: 'psbc', name: '中国邮政储蓄银行', reports: ['deposit'] },
  { channel: 'alipay', name: '支付宝（网络资金）', reports: ['online-funds'] },
  { channel: 'wechat-pay', name: '微信支付（网络资金）', reports: ['online-funds'] },
  { channel: 'real-estate-registry', name: '不动产登记中心', reports: ['real-estate'] },
  { channel: 'vehicle-registry', name: '车辆管理所', reports: ['vehicle'] },
  { channel: 'securities-depository', name: '中国证券登记结算', reports: ['securities'] },
];

export function channelName(channel: string): string {
  return INQUIRY_CHANNELS.find((c) => c.channel === channel)?.name ?? channel;
}
