/**
 * V-CAP on the embedded runtime: a shareholder added for the 100,000.00 yuan of capital he did not pay in has a
 * deposit and a flat worth far more. His deposit is frozen and deducted, his flat sealed, auctioned and sold; of
 * what the sale brought only what is left of his limit pays the applicant, the rest goes back to him, and the money
 * reconciles to the fen.
 */
import { describe, expect, it } from 'vitest';
import { ledgerTotal } from '#domain/case/reducer.ts';
import { takenFromFen } from '#domain/parties/liability.ts';
import { apiScenario } from '../support/api.ts';
import { fileUntilCoercing, joinShareholder, SHAREHOLDER_ID } from '../support/party-change.ts';
import { assertMoneyReconciles, DAY, filingEvent, RESPONDENT_ID } from '../support/runtime.ts';

const YUAN = 100;
const CAP = 100_000 * YUAN;
const FLAT = '冀(2024)青县不动产权第0911号';
const N = 911;

describe('V-CAP: money taken from a respondent joined within a limit never exceeds it', () => {
  it('his flat sells for far more than his limit: the applicant gets the limit, he gets the rest back', async () => {
    const s = await apiScenario({
      script: {
        respondents: {
          [RESPONDENT_ID]: { eService: 'ok' },
          [SHAREHOLDER_ID]: {
            eService: 'ok',
            assets: [
              { channel: 'icbc', class: 'deposit', reference: '6222 **** 0911', balanceFen: 20_000 * YUAN },
              { channel: 'real-estate-registry', class: 'real-estate', reference: FLAT, valueFen: 1_000_000 * YUAN },
            ],
          },
        },
        cases: { [filingEvent(N).detail.caseNumber]: { disposal: { auctions: ['sold'], premiumPercent: 5 } } },
      },
    });
    const { caseId } = await fileUntilCoercing(s, N, 700_000 * YUAN);
    const { shareholder } = await joinShareholder(s, caseId, N, {
      reason: '股东未缴纳出资，在未出资范围内承担责任',
      change: { liabilityCapFen: CAP },
      beforeFinal: () => s.runtime.advance(DAY),
    });
    const refundedTo = (c: Parameters<typeof ledgerTotal>[0]) => ledgerTotal(c, 'refunded', shareholder.partyId);

    const done = await s.liveUntil(caseId, (c) => refundedTo(c) > 0 && c.status !== 'disbursing', 200);
    // The deposit frozen and deducted within the limit; the flat sealed, sold, its price on the account.
    const assets = Object.values(done.assets).filter((a) => a.respondentId === shareholder.partyId);
    const deposit = assets.find((a) => a.class === 'deposit');
    const flat = assets.find((a) => a.reference === FLAT);
    expect(deposit).toMatchObject({ status: 'deducted', deductedFen: 20_000 * YUAN });
    expect(flat?.status).toBe('sold');
    const proceeds = done.disposal?.lots[flat?.assetId ?? '']?.proceedsFen ?? 0;
    expect(proceeds).toBeGreaterThan(CAP);
    // What he gave above his limit went back to him, to the fen; what was kept is exactly the limit.
    expect(refundedTo(done)).toBe(20_000 * YUAN + proceeds - CAP);
    expect(takenFromFen(done, shareholder.partyId)).toBe(CAP);
    // The applicant received the limit (the fee came out of it), not the whole price: the claim stays unmet.
    expect(ledgerTotal(done, 'disbursed')).toBe(CAP);
    expect(done.closure?.way).not.toBe('fully-performed');
    // The path: the disposal run sold the flat and handed the money to a disbursement run that refunded him.
    const disposal = s.events
      .filter((e) => e.type === 'state-entered' && String(e.execution).startsWith(`${caseId}-disposal`))
      .map((e) => (e as { state: string }).state);
    expect(disposal).toContain('StartDisbursement');
    const lines = (
      await s.request<{ lines: { text: string }[] }>('GET', `/cases/${caseId}/timeline`, { as: 'wang-fang' })
    ).body.lines.map((l) => l.text);
    expect(lines.some((l) => l.includes('退还郑股东') && l.includes('V-CAP'))).toBe(true);
    await assertMoneyReconciles(s);
    await s.close();
  });
});
