/** Chinese names the use cases put into alerts and requests (staff-facing, never personal data). */
import type { AssetClass } from '#domain/case/model.ts';

export const ASSET_CLASS_NAMES: Record<AssetClass, string> = {
  deposit: '银行存款',
  'online-funds': '网络资金',
  'real-estate': '不动产',
  vehicle: '车辆',
  securities: '证券',
};
