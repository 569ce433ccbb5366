/**
 * Every template rendered, signed and read back with poppler: pdftotext finds the title, number, case number and
 * parties; pdfsig and our own verifier accept the signature, and refuse a copy with one byte changed. Two renders of
 * the same document give the same bytes. PNG pages of three documents go to test-output/documents/ for a person.
 */
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterAll, describe, expect, it } from 'vitest';
import { SIGNING_CERTIFICATE_V2 } from '#adapters/documents/cades.ts';
import { createSigningIdentity } from '#adapters/documents/pdf-signer.ts';
import { verifyPdfSignature } from '#adapters/documents/pdf-verify.ts';
import { pdfDocumentRenderer } from '#adapters/documents/signed-pdf.ts';
import { localDate } from '#domain/calendar/local-date.ts';
import { type ComposedDocument, composeDocument } from '#domain/documents/compose.ts';
import { DOCUMENT_KINDS, type DocumentKind, TEMPLATES } from '#domain/documents/templates.ts';
import { fieldsFor } from './fixtures.ts';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const IDENTITY = createSigningIdentity({
  keyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
  commonName: 'HB0922 document seal (test)',
  organisation: 'court HB0922',
  notBefore: new Date('2026-01-01T00:00:00Z'),
  years: 10,
  serialHex: '0123',
});
const SIGNATURE = {
  signingTime: new Date('2026-03-02T01:00:00Z'),
  name: 'HB0922',
  reason: 'court document',
  location: 'HB0922',
};
const work = mkdtempSync(join(tmpdir(), 'enforce-documents-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function compose(kind: DocumentKind, sequence = 1): ComposedDocument {
  return composeDocument({
    kind,
    number: `（2026）冀0922${TEMPLATES[kind].series}${sequence}号`,
    officer: '马超',
    approver: '黄磊',
    date: localDate('2026-03-02'),
    fields: fieldsFor(kind),
  });
}

const poppler = (tool: string, ...args: string[]) => execFileSync(`/usr/bin/${tool}`, args, { encoding: 'utf8' });
/** pdfsig exits non-zero on an invalid signature; its report is what we read either way. */
function pdfsig(file: string): string {
  try {
    return poppler('pdfsig', file);
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? '');
  }
}

interface Node {
  value: Node[] & string;
}

/** The signature's CMS (its /Contents, trailing zero padding dropped) and where it sits in the file. */
function cmsOf(pdf: Uint8Array): { start: number; length: number; cms: forge.asn1.Asn1 } {
  const text = Buffer.from(pdf).toString('latin1');
  const match = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(text);
  if (!match?.[1]) throw new Error('no /Contents');
  const start = text.indexOf(match[1], match.index);
  const bytes = forge.util.hexToBytes(match[1]);
  return { start, length: match[1].length, cms: forge.asn1.fromDer(bytes, { parseAllBytes: false } as never) };
}

/** The signed attributes by type: SignedData's SignerInfo [0] IMPLICIT SET OF Attribute. */
function signedAttributes(pdf: Uint8Array): Map<string, Node> {
  const signedData = (cmsOf(pdf).cms as unknown as Node).value[1]?.value[0];
  const signerInfo = signedData?.value.at(-1)?.value[0];
  const attrs = signerInfo?.value[3]?.value ?? [];
  return new Map(
    attrs.map((a) => [forge.asn1.derToOid(forge.util.createBuffer(a.value[0]?.value ?? '')), a.value[1] as Node]),
  );
}

/** The same PDF with another CMS in its /Contents (padded to the same length), made from the signed byte ranges. */
function withCms(pdf: Uint8Array, make: (signed: Buffer, cms: forge.asn1.Asn1) => forge.asn1.Asn1): Buffer {
  const { start, length, cms } = cmsOf(pdf);
  const signed = Buffer.concat([
    Buffer.from(pdf.subarray(0, start - 1)),
    Buffer.from(pdf.subarray(start + length + 1)),
  ]);
  const hex = forge.util.bytesToHex(forge.asn1.toDer(make(signed, cms)).getBytes()).padEnd(length, '0');
  const out = Buffer.from(pdf);
  out.write(hex, start, 'latin1');
  return out;
}

/** The same PDF with the CMS's certificate replaced. */
function withCertificate(pdf: Uint8Array, certificatePem: string): Buffer {
  return withCms(pdf, (_signed, cms) => {
    const signedData = (cms as unknown as Node).value[1]?.value[0] as unknown as Node;
    const certificates = signedData.value[3] as unknown as { value: forge.asn1.Asn1[] };
    certificates.value = [forge.asn1.fromDer(forge.pem.decode(certificatePem)[0]?.body ?? '')];
    return cms;
  });
}

describe('rendered documents', () => {
  it.each(DOCUMENT_KINDS)('%s: text, number, parties and a valid signature', async (kind) => {
    const doc = compose(kind);
    const pdf = await pdfDocumentRenderer.renderSigned(doc, IDENTITY, SIGNATURE);
    const file = join(work, `${kind}.pdf`);
    writeFileSync(file, pdf);
    // pdftotext keeps lines as laid out; the checks join them so a wrapped name still matches.
    const text = poppler('pdftotext', '-enc', 'UTF-8', file, '-').replace(/\s+/g, '');
    for (const expected of [
      doc.courtName,
      TEMPLATES[kind].title,
      doc.number,
      '罗振东',
      '马超',
      '黄磊',
      '二〇二六年三月二日',
    ])
      expect(text).toContain(expected.replace(/\s+/g, ''));
    if (!['auction-notice', 'closure-notice'].includes(kind)) expect(text).toContain('沈立新');
    expect(pdfsig(file)).toContain('Signature is Valid');
    expect(verifyPdfSignature(pdf, IDENTITY.certificatePem)).toMatchObject({ valid: true });
  });

  it('names the case number in every document’s metadata subject', async () => {
    const pdf = await pdfDocumentRenderer.renderSigned(compose('freeze-ruling'), IDENTITY, SIGNATURE);
    const file = join(work, 'subject.pdf');
    writeFileSync(file, pdf);
    expect(poppler('pdfinfo', file)).toContain('（2026）冀0922执88号');
  });

  it('gives the same bytes for the same document, and different bytes for another number', async () => {
    const hash = async (doc: ComposedDocument) =>
      createHash('sha256')
        .update(await pdfDocumentRenderer.renderSigned(doc, IDENTITY, SIGNATURE))
        .digest('hex');
    const first = await hash(compose('enforcement-notice'));
    expect(await hash(compose('enforcement-notice'))).toBe(first);
    expect(await hash(compose('enforcement-notice', 2))).not.toBe(first);
  });

  it('fails verification when one byte changes, for pdfsig and for our verifier', async () => {
    const pdf = await pdfDocumentRenderer.renderSigned(compose('detention-decision'), IDENTITY, SIGNATURE);
    const changed = Buffer.from(pdf);
    // A byte inside the page content, before the signature's /Contents.
    changed[1200] = (changed[1200] as number) ^ 0x01;
    const file = join(work, 'changed.pdf');
    writeFileSync(file, changed);
    expect(pdfsig(file)).not.toContain('Signature is Valid');
    expect(verifyPdfSignature(changed)).toMatchObject({ valid: false });
    const appended = Buffer.concat([Buffer.from(pdf), Buffer.from('\n% appended\n')]);
    expect(verifyPdfSignature(appended)).toMatchObject({ valid: false });
  });

  it('signs as PAdES baseline: ETSI.CAdES.detached, signing-certificate-v2 naming the court’s certificate, the time in /M only', async () => {
    const pdf = await pdfDocumentRenderer.renderSigned(compose('freeze-ruling'), IDENTITY, SIGNATURE);
    const file = join(work, 'pades.pdf');
    writeFileSync(file, pdf);
    const report = pdfsig(file);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signature is Valid');
    const text = Buffer.from(pdf).toString('latin1');
    expect(text).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(text).toContain('/M (D:20260302010000Z)');
    const attrs = signedAttributes(pdf);
    // EN 319 142-1 table 1: content-type, message-digest, signing-certificate-v2; signing-time not present.
    expect([...attrs.keys()].sort()).toEqual(
      [forge.pki.oids.contentType, forge.pki.oids.messageDigest, SIGNING_CERTIFICATE_V2].sort(),
    );
    const certificateDer = Buffer.from(forge.pem.decode(IDENTITY.certificatePem)[0]?.body ?? '', 'binary');
    const essCertIdV2 = attrs.get(SIGNING_CERTIFICATE_V2)?.value[0]?.value[0]?.value[0];
    expect(Buffer.from(String(essCertIdV2?.value[0]?.value), 'binary').toString('hex')).toBe(
      createHash('sha256').update(certificateDer).digest('hex'),
    );
  });

  it('refuses a signature whose embedded certificate is not the one its signing-certificate-v2 names', async () => {
    const pdf = await pdfDocumentRenderer.renderSigned(compose('seal-ruling'), IDENTITY, SIGNATURE);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const stranger = createSigningIdentity({
      keyPem: other.export({ type: 'pkcs1', format: 'pem' }) as string,
      commonName: 'HB0922 document seal (test)',
      organisation: 'court HB0922',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      years: 10,
      serialHex: '0123',
    });
    // The same signed attributes and signature value, another certificate put in the CMS's certificate set.
    const swapped = withCertificate(pdf, stranger.certificatePem);
    expect(verifyPdfSignature(swapped)).toMatchObject({ valid: false, problem: '签名证书与签名属性中的证书摘要不符' });
    expect(verifyPdfSignature(withCertificate(pdf, IDENTITY.certificatePem))).toMatchObject({ valid: true });
  });

  it('still verifies a document signed before (adbe.pkcs7.detached: signing time signed, no signing-certificate-v2)', async () => {
    const pdf = await pdfDocumentRenderer.renderSigned(compose('closure-notice'), IDENTITY, SIGNATURE);
    const old = withCms(pdf, (signed) => {
      // What pdf-signer.ts made until CAdES: node-forge's PKCS#7 with content-type, signing-time, message-digest.
      const p7 = forge.pkcs7.createSignedData();
      p7.content = forge.util.createBuffer(signed.toString('binary'));
      const certificate = forge.pki.certificateFromPem(IDENTITY.certificatePem);
      p7.addCertificate(certificate);
      p7.addSigner({
        key: forge.pki.privateKeyFromPem(IDENTITY.keyPem),
        certificate,
        digestAlgorithm: forge.pki.oids.sha256 as string,
        authenticatedAttributes: [
          { type: forge.pki.oids.contentType as string, value: forge.pki.oids.data as string },
          { type: forge.pki.oids.signingTime as string, value: SIGNATURE.signingTime as unknown as string },
          { type: forge.pki.oids.messageDigest as string },
        ],
      });
      p7.sign({ detached: true });
      return p7.toAsn1();
    });
    expect(verifyPdfSignature(old, IDENTITY.certificatePem)).toMatchObject({
      valid: true,
      signingTime: '2026-03-02T01:00:00.000Z',
    });
  });

  it('refuses a copy signed with another certificate than the court’s', async () => {
    const pdf = await pdfDocumentRenderer.renderSigned(compose('restriction-order'), IDENTITY, SIGNATURE);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const stranger = createSigningIdentity({
      keyPem: other.export({ type: 'pkcs1', format: 'pem' }) as string,
      commonName: 'someone else',
      organisation: 'elsewhere',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      years: 1,
      serialHex: '02',
    });
    expect(verifyPdfSignature(pdf, stranger.certificatePem)).toMatchObject({ valid: false });
  });

  it('writes PNG pages of three documents to test-output/documents/', async () => {
    const out = join(process.cwd(), 'test-output', 'documents');
    mkdirSync(out, { recursive: true });
    for (const kind of ['enforcement-notice', 'seal-ruling', 'detention-decision'] as const) {
      const file = join(work, `png-${kind}.pdf`);
      writeFileSync(file, await pdfDocumentRenderer.renderSigned(compose(kind), IDENTITY, SIGNATURE));
      poppler('pdftoppm', '-r', '72', '-png', '-f', '1', '-l', '1', file, join(out, kind));
    }
    expect(readdirSync(out).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(3);
  });
});
