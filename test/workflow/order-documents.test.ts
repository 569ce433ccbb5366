/**
 * Orders carry their documents (issue 16): a deduction carries its ruling (划拨) and assistance notice, issued before
 * it goes out and named by the bank's receipt; an entrustment carries its letter (执行事项委托函); and a freeze
 * receipt naming other documents than those sent is not believed: the freeze is recorded as failed, with the reason.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import { localDocuments } from '../../local/runtime/documents.ts';
import { alterSentDocuments, expectReceiptNames, watchSends } from '../support/documents.ts';
import { fileCase, RESPONDENT_ID, respondentWith, type Scenario, scenarios } from '../support/runtime.ts';

const open = scenarios();
const ELSEWHERE = { code: 'HL0123', name: '黑龙江省某县人民法院' };

/** The respondent's one flat lies in another province's court's district, which completes an entrustment in 3 days. */
function flatElsewhere(reference: string) {
  return {
    respondents: {
      [RESPONDENT_ID]: {
        eService: 'ok' as const,
        assets: [
          {
            channel: 'real-estate-registry',
            class: 'real-estate' as const,
            reference,
            region: '黑龙江省某县',
            locatedCourt: ELSEWHERE,
          },
        ],
      },
    },
    courts: { [ELSEWHERE.code]: { entrustment: 'completed' as const, afterDays: 3 } },
  };
}

async function events(s: Scenario, caseId: string): Promise<CaseEvent[]> {
  return (await s.runtime.cases.history(caseId)).flatMap((c) => c.events);
}

describe('orders carry their documents', () => {
  it('a deduction carries its ruling and notice, issued before it goes out; the bank’s receipt names them', async () => {
    const s = await open({
      issueDocuments: true,
      script: respondentWith({
        eService: 'ok',
        assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0031', balanceFen: 1_000_000 }],
      }),
    });
    const sent = watchSends(s, 'deduct');
    const caseId = await fileCase(s, 181);
    await s.liveUntil(caseId, (c) => c.ledger.some((e) => e.kind === 'received'), 40);
    const archived = await localDocuments(s.runtime).archive.list(caseId);
    const ruling = archived.find((d) => d.kind === 'deduction-ruling');
    expect(ruling?.number).toMatch(/^（2026）冀0922执裁\d+号$/);
    expect(sent).toHaveLength(1);
    const carried = sent[0]?.request.items[0]?.documents ?? [];
    expect(carried.map((d) => d.kind)).toEqual(['deduction-ruling', 'assistance-notice']);
    expect(carried[0]).toMatchObject({ docId: ruling?.docId, number: ruling?.number, sha256: ruling?.sha256 });
    expect(sent[0]?.archivedIds).toEqual(expect.arrayContaining(carried.map((d) => d.docId)));
    // Each carried document is on the journal with the same number and hash.
    const journal = await events(s, caseId);
    for (const doc of carried)
      expect(journal.find((e) => e.type === 'document-issued' && e.docId === doc.docId)).toMatchObject({
        number: doc.number,
        sha256: doc.sha256,
      });
    await expectReceiptNames(s, sent[0]?.request.requestId, carried);
    const text = timeline(await s.runtime.cases.history(caseId), { member: (id) => id, team: (id) => id }).map(
      (l) => l.text,
    );
    expect(text).toContainEqual(expect.stringMatching(/^下达扣划指令：.+（附执行裁定书、协助执行通知书）$/));
  });

  it('an entrustment carries its letter to the entrusted court, issued before it is sent', async () => {
    const s = await open({
      issueDocuments: true,
      script: flatElsewhere('黑(2019)某县不动产权第0031号'),
    });
    const sent = watchSends(s, 'entrust');
    const caseId = await fileCase(s, 182);
    await s.liveUntil(caseId, (c) => Object.values(c.entrustments).some((m) => m.status === 'completed'), 40);
    expect(sent).toHaveLength(1);
    const [letter, ...more] = sent[0]?.request.items[0]?.documents ?? [];
    expect(more).toEqual([]);
    expect(letter).toMatchObject({
      kind: 'entrustment-letter',
      number: expect.stringMatching(/^（2026）冀0922执委\d+号$/),
    });
    expect(sent[0]?.archivedIds).toContain(letter?.docId);
    // Exactly one letter, though the entrustment was recorded before its request.
    const letters = (await localDocuments(s.runtime).archive.list(caseId)).filter(
      (d) => d.kind === 'entrustment-letter',
    );
    expect(letters.map((d) => d.docId)).toEqual([letter?.docId]);
  });

  it('an entrustment step that dies after recording the entrustment, before its request: the retry sends it, with its letter', async () => {
    const s = await open({
      issueDocuments: true,
      script: flatElsewhere('黑(2019)某县不动产权第0033号'),
    });
    // The request store fails once, as the entrustment's request is being made (a Lambda dying there).
    const create = s.runtime.deps.requests.create.bind(s.runtime.deps.requests);
    let failed = 0;
    s.runtime.deps.requests.create = async (request) => {
      if (request.kind === 'entrust' && failed === 0) {
        failed += 1;
        throw Object.assign(new Error('died'), { name: 'Lambda.ServiceException' });
      }
      return create(request);
    };
    const sent = watchSends(s, 'entrust');
    const caseId = await fileCase(s, 184);
    await s.liveUntil(caseId, (c) => Object.values(c.entrustments).some((m) => m.status === 'completed'), 40);
    expect(failed).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.request.items.map((i) => i.documents?.map((d) => d.kind))).toEqual([['entrustment-letter']]);
    expect((await events(s, caseId)).filter((e) => e.type === 'entrustment-sent')).toHaveLength(1);
  });

  it('a freeze receipt naming another hash than the one sent is not believed: the freeze fails, naming why', async () => {
    const s = await open({
      issueDocuments: true,
      script: respondentWith({
        eService: 'ok',
        assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0032', balanceFen: 80_000_000 }],
      }),
    });
    // The bank is handed a copy whose notice hash differs (a tampered copy): its receipt names that hash.
    alterSentDocuments(
      s,
      (request) => request.kind === 'freeze',
      (documents) => documents.map((d) => (d.kind === 'assistance-notice' ? { ...d, sha256: '0'.repeat(64) } : d)),
    );
    const caseId = await fileCase(s, 183);
    await s.liveUntil(caseId, (c) => Object.values(c.assets).some((a) => a.status === 'freeze-failed'), 30);
    const failed = (await events(s, caseId)).find((e) => e.type === 'asset-freeze-failed');
    expect(failed?.type === 'asset-freeze-failed' && failed.reason).toMatch(
      /^冻结回执不能确认：回执所列文书 （2026）冀0922执协\d+号 的哈希值与所附文书不符$/,
    );
    expect((await events(s, caseId)).some((e) => e.type === 'asset-frozen')).toBe(false);
  });
});
