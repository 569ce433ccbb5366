/**
 * Signs a rendered document: a PKCS#7 detached signature (adbe.pkcs7.detached, SHA-256, the signing time as a
 * signed attribute) in a signature field of the PDF, as @signpdf lays it out; an ordinary reader (or poppler's
 * pdfsig) verifies it. RSA PKCS#1 v1.5 is deterministic, so with a fixed signing time the same document signed with
 * the same key gives the same bytes.
 */
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { Signer, SignPdf } from '@signpdf/signpdf';
import forge from 'node-forge';
import type { PDFDocument } from 'pdf-lib';
import type { SigningIdentity } from '#ports/documents.ts';

/** A @signpdf Signer over a PEM key and certificate (no PKCS#12 round trip). */
class PemSigner extends Signer {
  private readonly identity: SigningIdentity;
  constructor(identity: SigningIdentity) {
    super();
    this.identity = identity;
  }
  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const key = forge.pki.privateKeyFromPem(this.identity.keyPem);
    const certificate = forge.pki.certificateFromPem(this.identity.certificatePem);
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    p7.addCertificate(certificate);
    p7.addSigner({
      key,
      certificate,
      digestAlgorithm: forge.pki.oids.sha256 as string,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType as string, value: forge.pki.oids.data as string },
        // node-forge's typings say string; its encoder takes a Date for signingTime.
        { type: forge.pki.oids.signingTime as string, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest as string },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
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
