/** `enforce documents`, `enforce document --out`, `enforce document verify`, as a user runs them after a demo. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { enforce, enforceJson } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'enforce-cli-documents-'));
const data = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Listing {
  readonly caseNumber: string;
  readonly documents: readonly { docId: string; kind: string; number: string; sha256: string }[];
  readonly problems: readonly unknown[];
}

describe('enforce documents', () => {
  it('lists, exports and verifies the documents of the deduction demo; a changed copy fails', () => {
    const demo = enforce(['--data-dir', data, 'demo', '--scenario', 'deduction']);
    expect(demo.code, demo.stderr).toBe(0);
    const caseNumber = /enforce -- --data-dir \S+ case (\S+)/.exec(demo.stdout + demo.stderr)?.[1] ?? '';
    const listing = enforceJson<Listing>(['--data-dir', data, 'documents', caseNumber]);
    expect(listing.problems).toEqual([]);
    expect(listing.documents.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['enforcement-notice', 'asset-report-order', 'freeze-ruling', 'closure-notice']),
    );
    const notice = listing.documents.find((d) => d.kind === 'enforcement-notice');
    if (!notice) throw new Error('no notice');

    const file = join(dir, 'notice.pdf');
    const exported = enforce(['--data-dir', data, 'document', notice.docId, '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`已导出 执行通知书 ${notice.number}`);
    expect(statSync(file).size).toBeGreaterThan(10_000);

    const verified = enforce(['--data-dir', data, 'document', 'verify', notice.docId]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('核验通过');

    const copy = Buffer.from(readFileSync(file));
    copy[1000] = (copy[1000] as number) ^ 0x01;
    const changed = join(dir, 'changed.pdf');
    writeFileSync(changed, copy);
    const refused = enforce(['--data-dir', data, 'document', 'verify', notice.docId, '--file', changed]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('核验失败：文件的 SHA-256 与审计链记录不一致');
    expect(refused.stderr).toContain('核验未通过');

    expect(enforce(['--data-dir', data, 'document', 'NO-SUCH-DOC', '--out', join(dir, 'x.pdf')]).stderr).toContain(
      '找不到文书：NO-SUCH-DOC',
    );
    expect(enforce(['document', '--help']).stdout).toContain('导出一份文书');
  });
});
