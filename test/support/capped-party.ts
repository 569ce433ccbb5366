/**
 * Shared setup for the V-CAP unit tests (变更追加规定 第十七条、第二十六条): 郑股东, a shareholder added for the
 * capital he did not pay in, his flat and his deposit, and the granted, settled party change that joined him.
 */
import type { Asset, Party, PartyChange } from '#domain/case/model.ts';
import { fen } from '#domain/money.ts';
import { respondent } from './cases.ts';

export const shareholder: Party = { ...respondent, partyId: 'pshare', name: '郑股东', idNumber: '130922198001010012' };

/** His flat (asset `sflat`), in `status`, nothing frozen or deducted. */
export function shareholderFlat(status: Asset['status']): Asset {
  return {
    assetId: 'sflat',
    respondentId: 'pshare',
    class: 'real-estate',
    channel: 'registry',
    institution: '不动产登记中心',
    reference: '冀(2024)青县不动产权第1号',
    frozenFen: fen(0),
    deductedFen: fen(0),
    status,
  };
}

/** His deposit at 工商银行 (asset `sdep`), `deductedFen` of it deducted. */
export function shareholderDeposit(deductedFen: number): Asset {
  return {
    ...shareholderFlat('deducted'),
    assetId: 'sdep',
    class: 'deposit',
    channel: 'icbc',
    institution: '工商银行',
    reference: '6222 **** 0912',
    deductedFen: fen(deductedFen),
  };
}

/** The granted, settled application `v1` on the unpaid-capital ground that joined him, limited to `cap` if given. */
export function cappedPartyChange(cap: number | undefined): Readonly<Record<string, PartyChange>> {
  return {
    v1: {
      applicationId: 'v1',
      ground: 'unpaid-capital',
      status: 'settled',
      final: 'granted',
      party: shareholder,
      partyId: 'pshare',
      ...(cap !== undefined ? { liabilityCapFen: fen(cap) } : {}),
    } as unknown as PartyChange,
  };
}
