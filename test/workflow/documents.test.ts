/**
 * A case's documents issued from its journal on the embedded runtime: the notice and the report order at service,
 * the freeze ruling with its assistance notice, the closure notice; numbered in series, SHA-256 on the journal,
 * issued once however often the sweep runs.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyPdfSignature } from '#adapters/documents/pdf-verify.ts';
import { issueDueDocuments } from '#use-cases/documents.ts';
import { localDocuments } from '../../local/runtime/documents.ts';
import { filingEvent, respondentWith, scenarios } from '../support/runtime.ts';

const open = scenarios();

describe('documents of a case deducted and closed', () => {
  it('are issued as the acts happen, numbered, signed, hashed on the journal, and never twice', async () => {
    const s = await open({
      script: respondentWith({
        eService: 'ok',
        assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0001', balanceFen: 80_000_000 }],
      }),
    });
    const outcome = await s.runtime.intake(filingEvent(160));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const deps = localDocuments(s.runtime);
    await s.live(outcome.caseId, 3, 'li-qiang');
    const early = await issueDueDocuments(deps, outcome.caseId);
    expect(early.issued.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['enforcement-notice', 'asset-report-order']),
    );
    await s.liveUntil(outcome.caseId, (state) => state.status === 'closed', 60);
    const late = await issueDueDocuments(deps, outcome.caseId);
    expect(late.problems).toEqual([]);
    const all = await deps.archive.list(outcome.caseId);
    const kinds = all.map((d) => d.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'enforcement-notice',
        'asset-report-order',
        'freeze-ruling',
        'assistance-notice',
        'closure-notice',
      ]),
    );
    const state = await s.load(outcome.caseId);
    const notice = all.find((d) => d.kind === 'enforcement-notice');
    expect(notice?.number).toMatch(/^（2026）.+执通\d+号$/);

    // Every document's hash is on the journal and matches the archived bytes and the court's signature.
    const journaled = (await s.runtime.cases.history(outcome.caseId))
      .flatMap((c) => c.events)
      .filter((e) => e.type === 'document-issued');
    expect(journaled.map((e) => e.docId).sort()).toEqual(all.map((d) => d.docId).sort());
    const identity = await deps.keys.identity(state.court);
    for (const doc of all) {
      const kept = await deps.archive.get(doc.docId);
      expect(
        createHash('sha256')
          .update(kept?.pdf ?? new Uint8Array())
          .digest('hex'),
      ).toBe(doc.sha256);
      expect(verifyPdfSignature(kept?.pdf ?? new Uint8Array(), identity.certificatePem).valid).toBe(true);
    }

    // Sweeping again issues nothing and takes no number.
    const again = await issueDueDocuments(deps, outcome.caseId);
    expect(again.issued).toEqual([]);
    expect(await deps.archive.list(outcome.caseId)).toHaveLength(all.length);
  });
});

describe('a runtime that issues documents itself (the CLI’s)', () => {
  it('issues the notice and the report order once the service phase has run, with no sweep asked for', async () => {
    const s = await open({ issueDocuments: true, script: respondentWith({ eService: 'ok', assets: [] }) });
    const outcome = await s.runtime.intake(filingEvent(161));
    if (outcome.outcome !== 'created') throw new Error('not created');
    await s.live(outcome.caseId, 2, 'li-qiang');
    const kinds = (await localDocuments(s.runtime).archive.list(outcome.caseId)).map((d) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['enforcement-notice', 'asset-report-order']));
    const journaled = (await s.runtime.cases.history(outcome.caseId))
      .flatMap((c) => c.events)
      .filter((e) => e.type === 'document-issued');
    expect(journaled).toHaveLength(kinds.length);
  });

  it('is off by default: a runtime without the option issues nothing by itself', async () => {
    const s = await open({ script: respondentWith({ eService: 'ok', assets: [] }) });
    const outcome = await s.runtime.intake(filingEvent(162));
    if (outcome.outcome !== 'created') throw new Error('not created');
    await s.live(outcome.caseId, 2, 'li-qiang');
    expect(await localDocuments(s.runtime).archive.list(outcome.caseId)).toEqual([]);
  });
});
