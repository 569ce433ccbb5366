/**
 * Shared setup for the objection workflow scenarios: a respondent with a deposit, a flat and a car; the staff who
 * file and rule objections; a third party's claim to the flat and its ruling.
 */
import { expect } from 'vitest';
import type { EnforcementCase } from '#domain/case/model.ts';
import { RESPONDENT_ID, type Scenario, staffPost } from './runtime.ts';

const YUAN = 100;
export const OFFICER = { user: 'wang-fang', groups: 'handling-officer' };
export const PANEL = { user: 'tang-jie', groups: 'panel-member' };

/**
 * A script for case `n`: the respondent, served electronically, holds a deposit of 50,000 yuan, a flat worth 900,000
 * and a car worth 200,000; the first `sold` auctions of the case sell.
 */
export function objectionWorld(n: number, assets: { deposit: string; flat: string; car: string; sold: number }) {
  return {
    respondents: {
      [RESPONDENT_ID]: {
        eService: 'ok' as const,
        assets: [
          { channel: 'icbc', class: 'deposit' as const, reference: assets.deposit, balanceFen: 50_000 * YUAN },
          {
            channel: 'real-estate-registry',
            class: 'real-estate' as const,
            reference: assets.flat,
            valueFen: 900_000 * YUAN,
          },
          { channel: 'vehicle-registry', class: 'vehicle' as const, reference: assets.car, valueFen: 200_000 * YUAN },
        ],
      },
    },
    cases: {
      [`（2026）冀0922执${1000 + n}号`]: {
        disposal: { auctions: Array.from({ length: assets.sold }, () => 'sold' as const) },
      },
    },
  };
}

/** The asset on the case with this reference (the test fails if there is none). */
export function assetOf(state: EnforcementCase, reference: string) {
  const found = Object.values(state.assets).find((a) => a.reference === reference);
  if (!found) throw new Error(`no asset ${reference}`);
  return found;
}

/** 赵敏 claims the flat (案外人异议), filed by the officer; it is being examined. Returns the objection's id. */
export async function fileThirdPartyClaim(s: Scenario, caseId: string, flat: string): Promise<string> {
  const filed = await staffPost(s, OFFICER, caseId, '/objections', {
    kind: 'third-party',
    objector: { name: '赵敏', role: 'third-party' },
    assetId: flat,
    grounds: '该房屋系本人出资购买并实际居住，登记在被执行人名下系借名',
  });
  expect(filed).toMatchObject({ status: 200, body: { kind: 'third-party', status: 'examining' } });
  return filed.body.objectionId as string;
}

/** The panel rules on the third party's claim: upheld on the purchase contract, or dismissed for want of evidence. */
export async function ruleThirdPartyClaim(
  s: Scenario,
  caseId: string,
  objectionId: string,
  outcome: 'upheld' | 'dismissed',
): Promise<void> {
  const ruled = await staffPost(s, PANEL, caseId, `/objections/${objectionId}/ruling`, {
    outcome,
    reasons: outcome === 'upheld' ? '案外人提交的购房合同及付款凭证足以证明其权益' : '证据不足',
  });
  expect(ruled).toMatchObject({ status: 200, body: { status: 'ruled' } });
}
