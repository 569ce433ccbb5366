/**
 * Signs a rendered document: a PAdES baseline B-B signature (SubFilter ETSI.CAdES.detached: a CAdES detached CMS
 * with content-type, message-digest and ESS signing-certificate-v2 signed, SHA-256, ./cades.ts) in a signature field
 * of the PDF, as @signpdf lays it out; the claimed signing time is the signature dictionary's /M. An ordinary reader
 * (or poppler's pdfsig) verifies it. RSA PKCS#1 v1.5 is deterministic, so with a fixed signing time the same
 * document signed with the same key gives the same bytes.
 */
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { Signer, SignPdf } from '@signpdf/signpdf';
import forge from 'node-forge';
import type { PDFDocument } from 'pdf-lib';
import type { SigningIdentity } from '#ports/documents.ts';
import { cadesDetached } from './cades.ts';

/** ISO 32000-2, 12.8.3.4: the PAdES encoding (the constant @signpdf/utils names SUBFILTER_ETSI_CADES_DETACHED). */
export const SUBFILTER = 'ETSI.CAdES.detached';

/** A @signpdf Signer over a PEM key and certificate (no PKCS#12 round trip). */
class PemSigner extends Signer {
  private readonly identity: SigningIdentity;
  constructor(identity: SigningIdentity) {
    super();
    this.identity = identity;
  }
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return cadesDetached(pdfBuffer, this.identity);
  }
}

export interface SignatureDetails {
  readonly signingTime: Date;
  readonly name: string;
  readonly reason: string;
  readonly location: string;
}

export async function signPdf(pdf: PDFDocument, identity: SigningIdentity, details: SignatureDetails): Promise<Buffer> {
  pdflibAddPlaceholder({
    pdfDoc: pdf,
    reason: details.reason,
    contactInfo: '',
    name: details.name,
    location: details.location,
    signingTime: details.signingTime,
    signatureLength: 8192,
    subFilter: SUBFILTER,
  });
  const unsigned = Buffer.from(await pdf.save({ useObjectStreams: false }));
  return new SignPdf().sign(unsigned, new PemSigner(identity), details.signingTime);
}

/**
 * A new self-signed identity for a court: RSA-2048 from node:crypto, the certificate made with node-forge. Names are
 * ASCII (the court's code): node-forge re-encodes UTF-8 names on each round trip, which breaks the signer's
 * issuer-and-serial match in the signature.
 */
export function createSigningIdentity(input: {
  readonly keyPem: string;
  readonly commonName: string;
  readonly organisation: string;
  readonly notBefore: Date;
  readonly years: number;
  readonly serialHex: string;
}): SigningIdentity {
  const key = forge.pki.privateKeyFromPem(input.keyPem);
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  certificate.serialNumber = input.serialHex;
  certificate.validity.notBefore = input.notBefore;
  const notAfter = new Date(input.notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + input.years);
  certificate.validity.notAfter = notAfter;
  const subject = [
    { shortName: 'CN', value: input.commonName },
    { shortName: 'O', value: input.organisation },
    { shortName: 'C', value: 'CN' },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  certificate.sign(key, forge.md.sha256.create());
  return { keyPem: input.keyPem, certificatePem: forge.pki.certificateToPem(certificate) };
}
