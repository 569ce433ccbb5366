/**
 * Documents issued by the workflow as part of each phase (the steps' `issuing` dependency, as on AWS): the notice
 * and the report order before service, the service request referencing both PDFs by key and SHA-256 and the
 * receipt recorded against them; the freeze ruling with its assistance notice before the order, which carries both; the 终本 ruling
 * and the closure notice at closure. Each numbered, archived, its SHA-256 on the journal and on the timeline.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyPdfSignature } from '#adapters/documents/pdf-verify.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import { documentKey } from '#domain/documents/service-documents.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import { localDocuments } from '../../local/runtime/documents.ts';
import { alterSentDocuments, expectReceiptNames, watchSends } from '../support/documents.ts';
import { DAY, daysUntil, fileCase, respondentWith, type Scenario, scenarios } from '../support/runtime.ts';

const open = scenarios();

async function journal(s: Scenario, caseId: string) {
  return s.runtime.cases.history(caseId);
}

/** Every archived document of the case: hash of its bytes = the journal's, signature valid, number in its series. */
async function checkedDocuments(s: Scenario, caseId: string) {
  const deps = localDocuments(s.runtime);
  const archived = await deps.archive.list(caseId);
  const issued = (await journal(s, caseId))
    .flatMap((c) => c.events)
    .filter((e): e is Extract<CaseEvent, { type: 'document-issued' }> => e.type === 'document-issued');
  const state = await s.load(caseId);
  const identity = await deps.keys.identity(state.court);
  for (const doc of archived) {
    const kept = await deps.archive.get(doc.docId);
    const pdf = kept?.pdf ?? new Uint8Array();
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(doc.sha256);
    expect(issued.find((e) => e.docId === doc.docId)).toMatchObject({ number: doc.number, sha256: doc.sha256 });
    expect(verifyPdfSignature(pdf, identity.certificatePem).valid).toBe(true);
  }
  return archived;
}

function lines(s: Scenario, commits: Awaited<ReturnType<typeof journal>>) {
  return timeline(commits, { member: (id) => s.runtime.staff.memberName(id), team: (id) => id }).map((l) => l.text);
}

describe('the service phase issues and serves its documents', () => {
  it('issues the notice and the report order before serving, references both in the e-service request and records the receipt against them', async () => {
    const s = await open({ issueDocuments: true, script: respondentWith({ eService: 'ok', assets: [] }) });
    const caseId = await fileCase(s, 171);
    await s.live(caseId, 2, 'li-qiang');
    const docs = await checkedDocuments(s, caseId);
    const notice = docs.find((d) => d.kind === 'enforcement-notice');
    const order = docs.find((d) => d.kind === 'asset-report-order');
    expect(notice?.number).toMatch(/^（2026）冀0922执通\d+号$/);
    expect(order?.number).toMatch(/^（2026）冀0922执报\d+号$/);

    // Issued in the IssueDocuments step, before the service was attempted.
    const commits = await journal(s, caseId);
    const seqOf = (type: string) => commits.find((c) => c.events.some((e) => e.type === type))?.seq ?? -1;
    expect(seqOf('document-issued')).toBeGreaterThan(0);
    expect(seqOf('document-issued')).toBeLessThan(seqOf('service-attempted'));

    // The e-service request carries both by key and SHA-256.
    const attempted = commits.flatMap((c) => c.events).find((e) => e.type === 'service-attempted');
    if (attempted?.type !== 'service-attempted') throw new Error('no service attempted');
    const request = await s.runtime.deps.requests.get(attempted.requestId);
    expect(request?.method).toBe('electronic');
    expect(request?.items[0]?.documents).toEqual([
      {
        docId: notice?.docId,
        kind: 'enforcement-notice',
        number: notice?.number,
        key: documentKey(caseId, notice?.docId ?? ''),
        sha256: notice?.sha256,
      },
      {
        docId: order?.docId,
        kind: 'asset-report-order',
        number: order?.number,
        key: documentKey(caseId, order?.docId ?? ''),
        sha256: order?.sha256,
      },
    ]);

    // The receipt names both with their hashes: served, recorded against them.
    const outcome = commits.flatMap((c) => c.events).find((e) => e.type === 'service-outcome');
    expect(outcome).toMatchObject({
      outcome: 'delivered',
      documents: [
        { number: notice?.number, sha256: notice?.sha256 },
        { number: order?.number, sha256: order?.sha256 },
      ],
    });
    const text = lines(s, commits);
    expect(text).toContainEqual(
      expect.stringMatching(/^签发文书：执行通知书 （2026）冀0922执通\d+号，已电子签章，SHA-256 [0-9a-f]{16}…/),
    );
    expect(text).toContainEqual(
      expect.stringMatching(/^送达回执：.+电子送达已送达.*回执载明文书（2026）冀0922执通\d+号/),
    );
  });

  it('does not count a receipt naming another hash as service: the post is tried with the same documents', async () => {
    const s = await open({
      issueDocuments: true,
      script: respondentWith({ eService: 'ok', postal: 'ok', assets: [] }),
    });
    // The platform answers for a document whose bytes differ from those sent (a tampered copy).
    alterSentDocuments(
      s,
      (request) => request.kind === 'service' && request.method === 'electronic',
      (documents) => documents.map((d) => ({ ...d, sha256: '0'.repeat(64) })),
    );
    const caseId = await fileCase(s, 172);
    await s.live(caseId, 8, 'li-qiang');
    const events = (await journal(s, caseId)).flatMap((c) => c.events);
    const outcomes = events.filter((e) => e.type === 'service-outcome');
    expect(outcomes[0]).toMatchObject({ method: 'electronic', outcome: 'failed' });
    expect(outcomes[0]?.type === 'service-outcome' && outcomes[0].detail).toMatch(/哈希值与送达的文书不符/);
    expect(outcomes[1]).toMatchObject({ method: 'postal', outcome: 'delivered' });
    const postal = events.filter((e) => e.type === 'service-attempted')[1];
    const request =
      postal?.type === 'service-attempted' ? await s.runtime.deps.requests.get(postal.requestId) : undefined;
    expect(request?.items[0]?.documents?.map((d) => d.kind)).toEqual(['enforcement-notice', 'asset-report-order']);
  });
});

describe('control and closure issue their documents as the acts are recorded', () => {
  it('issues the freeze ruling and the assistance notice before the order goes out; the order carries both and the bank names them', async () => {
    const s = await open({
      issueDocuments: true,
      script: respondentWith({
        eService: 'ok',
        assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0001', balanceFen: 80_000_000 }],
      }),
    });
    // What the bank receives, and what was archived at the moment it was sent.
    const sent = watchSends(s, 'freeze');
    const caseId = await fileCase(s, 173);
    await s.liveUntil(
      caseId,
      (c) => Object.values(c.assets).some((a) => a.status === 'frozen' || a.status === 'deducted'),
      30,
    );
    const docs = await checkedDocuments(s, caseId);
    const ruling = docs.find((d) => d.kind === 'freeze-ruling');
    const notice = docs.find((d) => d.kind === 'assistance-notice');
    expect(ruling?.number).toMatch(/^（2026）冀0922执裁\d+号$/);
    expect(notice?.number).toMatch(/^（2026）冀0922执协\d+号$/);
    expect(sent).toHaveLength(1);
    const carried = sent[0]?.request.items[0]?.documents ?? [];
    expect(carried).toEqual(
      [ruling, notice].map((d) => ({
        docId: d?.docId,
        kind: d?.kind,
        number: d?.number,
        key: documentKey(caseId, d?.docId ?? ''),
        sha256: d?.sha256,
      })),
    );
    // Issued (archived) before the order was dispatched, and on the journal before the freeze.
    expect(sent[0]?.archivedIds).toEqual(expect.arrayContaining([ruling?.docId, notice?.docId]));
    const history = await journal(s, caseId);
    const seqOf = (match: (e: CaseEvent) => boolean) => history.find((c) => c.events.some(match))?.seq ?? -1;
    expect(seqOf((e) => e.type === 'document-issued' && e.docId === notice?.docId)).toBeLessThan(
      seqOf((e) => e.type === 'asset-frozen'),
    );
    await expectReceiptNames(s, sent[0]?.request.requestId, carried);
    expect(lines(s, history)).toContainEqual(
      expect.stringMatching(/^下达冻结、查封指令：.+（附执行裁定书、协助执行通知书）$/),
    );
    expect(lines(s, history)).toContainEqual(expect.stringMatching(/^签发文书：执行裁定书 （2026）冀0922执裁\d+号/));
  });

  it('a bank refuses an order that does not carry its assistance notice: the freeze fails, naming why', async () => {
    const s = await open({
      issueDocuments: true,
      script: respondentWith({
        eService: 'ok',
        assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0002', balanceFen: 80_000_000 }],
      }),
    });
    alterSentDocuments(
      s,
      (request) => request.kind === 'freeze',
      (documents) => documents.filter((d) => d.kind !== 'assistance-notice'),
    );
    const caseId = await fileCase(s, 174);
    await s.liveUntil(caseId, (c) => Object.values(c.assets).some((a) => a.status === 'freeze-failed'), 30);
    const failed = (await journal(s, caseId)).flatMap((c) => c.events).find((e) => e.type === 'asset-freeze-failed');
    expect(failed?.type === 'asset-freeze-failed' && failed.reason).toBe('协助执行指令未附协助执行通知书');
  });

  it('issues the restriction order before it is published; each recipient’s request carries it, and a recipient refuses one without it', async () => {
    const s = await open({ issueDocuments: true, script: respondentWith({ eService: 'ok', assets: [] }) });
    const sent: { request: PartnerRequest; archivedIds: string[] }[] = [];
    const original = s.runtime.deps.partners.send.bind(s.runtime.deps.partners);
    s.runtime.deps.partners.send = async (request) => {
      if (request.kind === 'credit-publish' && request.method === 'restriction') {
        const archived = await localDocuments(s.runtime).archive.list(request.caseId);
        sent.push({ request, archivedIds: archived.map((d) => d.docId) });
        // The first round: one recipient gets the request without its document.
        if (sent.length === 1)
          return original({
            ...request,
            items: request.items.map((i, n) => (n === 0 ? { ...i, documents: [] } : i)),
          });
      }
      return original(request);
    };
    const caseId = await fileCase(s, 175);
    const [approval] = await s.untilPending(caseId);
    expect(approval?.step).toBe('credit-discipline');
    await s.runtime.decide({ approvalId: approval?.approvalId ?? '', decision: 'approved', userId: 'song-jian' });
    const state = await s.until(caseId, (c) => (c.coercion?.published.restriction?.acknowledged.length ?? 0) === 5);
    const order = (await checkedDocuments(s, caseId)).find((d) => d.kind === 'restriction-order');
    expect(order?.number).toMatch(/^（2026）冀0922执限\d+号$/);
    const reference = {
      docId: order?.docId,
      kind: 'restriction-order',
      number: order?.number,
      key: documentKey(caseId, order?.docId ?? ''),
      sha256: order?.sha256,
    };
    expect(sent.length).toBeGreaterThan(1);
    for (const { request, archivedIds } of sent) {
      expect(archivedIds).toContain(order?.docId);
      for (const item of request.items) expect(item.documents).toEqual([reference]);
    }
    // The recipient that got no document refused it, and acknowledged the next round's, which carried it.
    const first = await s.runtime.deps.requests.get(sent[0]?.request.requestId ?? '');
    const refused = first?.answers.find((a) => a.itemId === sent[0]?.request.items[0]?.itemId);
    expect(refused).toMatchObject({ outcome: 'failed', result: { reason: '推送未附限制消费令' } });
    expect(state.coercion?.published.restriction?.acknowledged).toContain(sent[0]?.request.items[0]?.itemId);
  });

  it('issues the 终本 ruling and the closure notice when the case closes as 终本', async () => {
    const s = await open({ issueDocuments: true, script: respondentWith({ eService: 'ok', assets: [] }) });
    const caseId = await fileCase(s, 174);
    const closed = await daysUntil(s, caseId, (c) => c.status === 'closed', 150);
    expect(closed.closure?.way).toBe('final-round-closure');
    const docs = await checkedDocuments(s, caseId);
    const kinds = docs.map((d) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['termination-ruling', 'closure-notice']));
    // Issued by the closure's own step: on the journal by the time the case is closed, not later.
    const closedAt = closed.closure?.at ?? '';
    for (const doc of docs.filter((d) => d.kind === 'termination-ruling' || d.kind === 'closure-notice'))
      expect(doc.issuedAt <= closedAt).toBe(true);
    // 法〔2016〕373号 第六条: the ruling went to the applicant before the closure, the request naming it by number and
    // hash, and the receipt naming the same (a receipt with another hash would not have closed the case).
    const ruling = docs.find((d) => d.kind === 'termination-ruling');
    const history = await s.runtime.cases.history(caseId);
    const attempted = history.flatMap((c) => c.events).find((e) => e.type === 'ruling-service-attempted');
    const request = await s.runtime.deps.requests.get(
      attempted?.type === 'ruling-service-attempted' ? attempted.requestId : '',
    );
    expect(request?.items[0]?.documents).toEqual([
      expect.objectContaining({ kind: 'termination-ruling', number: ruling?.number, sha256: ruling?.sha256 }),
    ]);
    expect(request?.answers[0]?.result).toMatchObject({
      documents: [{ number: ruling?.number, sha256: ruling?.sha256 }],
    });
    const servedAt = history.find((c) => c.events.some((e) => e.type === 'ruling-served'))?.at ?? '';
    expect(servedAt !== '' && servedAt <= closedAt).toBe(true);
    void DAY;
  });
});
