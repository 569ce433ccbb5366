/**
 * A CAdES detached signature (CMS SignedData, RFC 5652) as PAdES baseline B-B wants it in a PDF signed with
 * SubFilter ETSI.CAdES.detached (ETSI EN 319 142-1, table 1): the signed attributes content-type (id-data),
 * message-digest (SHA-256 of the signed byte ranges) and ESS signing-certificate-v2 (RFC 5035: the SHA-256 of the
 * signer's certificate and its issuer and serial, no policies), and no signing-time attribute (the claimed time of
 * signing is the signature dictionary's /M). Built with node-forge's ASN.1 primitives: its PKCS#7 signer encodes
 * only content-type, message-digest and signing-time. RSA PKCS#1 v1.5 over SHA-256 is deterministic, so the same
 * bytes and key give the same signature.
 */
import forge from 'node-forge';

const { asn1 } = forge;
const UNIVERSAL = asn1.Class.UNIVERSAL;
const CONTEXT = asn1.Class.CONTEXT_SPECIFIC;

/** id-aa-signingCertificateV2 (RFC 5035, section 3). */
export const SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const OIDS = {
  data: forge.pki.oids.data as string,
  signedData: forge.pki.oids.signedData as string,
  contentType: forge.pki.oids.contentType as string,
  messageDigest: forge.pki.oids.messageDigest as string,
  sha256: forge.pki.oids.sha256 as string,
  rsaEncryption: forge.pki.oids.rsaEncryption as string,
};

const oid = (id: string) => asn1.create(UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const sequence = (value: forge.asn1.Asn1[]) => asn1.create(UNIVERSAL, asn1.Type.SEQUENCE, true, value);
const set = (value: forge.asn1.Asn1[]) => asn1.create(UNIVERSAL, asn1.Type.SET, true, value);
const octets = (bytes: string) => asn1.create(UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes);
const version = (n: number) => asn1.create(UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const algorithm = (id: string) => sequence([oid(id), asn1.create(UNIVERSAL, asn1.Type.NULL, false, '')]);
const der = (node: forge.asn1.Asn1) => asn1.toDer(node).getBytes();
const sha256 = (bytes: string) => forge.md.sha256.create().update(bytes).digest().getBytes();
/** A fresh copy of a parsed node, so that no node sits in two places of the tree. */
const copy = (node: forge.asn1.Asn1) => asn1.fromDer(der(node));

/** DER's SET OF: the elements in the ascending order of their encodings (X.690, 11.6). */
function derSet(elements: forge.asn1.Asn1[], tag?: { tagClass: number; type: number }): forge.asn1.Asn1 {
  const sorted = elements
    .map((node) => ({ node, bytes: der(node) }))
    .sort((a, b) => Buffer.from(a.bytes, 'binary').compare(Buffer.from(b.bytes, 'binary')))
    .map((e) => e.node);
  return tag ? asn1.create(tag.tagClass, tag.type, true, sorted) : set(sorted);
}

/** The certificate exactly as issued (its DER from the PEM, not re-encoded) and its issuer and serial number. */
export function certificateParts(certificatePem: string) {
  const body = forge.pem.decode(certificatePem)[0]?.body;
  if (!body) throw new Error('the signing certificate is not PEM');
  const certificate = asn1.fromDer(body);
  // Certificate: tbsCertificate { [0] version, serialNumber, signature, issuer, ... }.
  const tbs = (certificate.value as forge.asn1.Asn1[])[0]?.value as forge.asn1.Asn1[];
  const [serial, issuer] = [tbs[1], tbs[3]];
  if (!serial || !issuer) throw new Error('the signing certificate has no issuer or serial number');
  return { der: body, certificate, serial, issuer };
}

/** ESS signing-certificate-v2: SigningCertificateV2 { certs { ESSCertIDv2 { certHash, issuerSerial } } }. */
function signingCertificateV2(cert: ReturnType<typeof certificateParts>): forge.asn1.Asn1 {
  // hashAlgorithm is left out: SHA-256 is its DEFAULT, which DER omits.
  const issuerSerial = sequence([sequence([asn1.create(CONTEXT, 4, true, [copy(cert.issuer)])]), copy(cert.serial)]);
  const essCertIdV2 = sequence([octets(sha256(cert.der)), issuerSerial]);
  return sequence([oid(SIGNING_CERTIFICATE_V2), set([sequence([sequence([essCertIdV2])])])]);
}

/** The DER of a CAdES detached SignedData over `content` (the PDF's signed byte ranges). */
export function cadesDetached(content: Buffer, identity: { keyPem: string; certificatePem: string }): Buffer {
  const key = forge.pki.privateKeyFromPem(identity.keyPem);
  const cert = certificateParts(identity.certificatePem);
  const attributes = [
    sequence([oid(OIDS.contentType), set([oid(OIDS.data)])]),
    sequence([oid(OIDS.messageDigest), set([octets(sha256(content.toString('binary')))])]),
    signingCertificateV2(cert),
  ];
  // The signature is over the signed attributes encoded as a SET OF (RFC 5652, 5.4); they travel as [0] IMPLICIT.
  const signature = key.sign(forge.md.sha256.create().update(der(derSet(attributes))));
  const signerInfo = sequence([
    version(1),
    sequence([copy(cert.issuer), copy(cert.serial)]),
    algorithm(OIDS.sha256),
    derSet(
      attributes.map((a) => copy(a)),
      { tagClass: CONTEXT, type: 0 },
    ),
    algorithm(OIDS.rsaEncryption),
    octets(signature),
  ]);
  const signedData = sequence([
    version(1),
    set([algorithm(OIDS.sha256)]),
    sequence([oid(OIDS.data)]),
    asn1.create(CONTEXT, 0, true, [cert.certificate]),
    set([signerInfo]),
  ]);
  return Buffer.from(der(sequence([oid(OIDS.signedData), asn1.create(CONTEXT, 0, true, [signedData])])), 'binary');
}
