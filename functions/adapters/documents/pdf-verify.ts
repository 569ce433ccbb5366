/**
 * Verifies a signed document without a PDF reader: the signature's byte range covers the whole file except its
 * /Contents, the signed messageDigest equals the SHA-256 of those bytes, the ESS signing-certificate-v2 (PAdES,
 * ETSI.CAdES.detached; absent from documents signed adbe.pkcs7.detached before) names the embedded certificate by
 * its SHA-256, and the RSA signature over the signed attributes checks with that certificate's key (and, when
 * given, that certificate is the court's).
 */
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { SIGNING_CERTIFICATE_V2 } from './cades.ts';

export interface SignatureCheck {
  readonly valid: boolean;
  /** Why not, in Chinese, for staff. */
  readonly problem?: string;
  readonly signer?: string;
  readonly signingTime?: string;
}

function fail(problem: string): SignatureCheck {
  return { valid: false, problem };
}

interface Asn1Node {
  tagClass: number;
  type: number;
  value: string | Asn1Node[];
}

function children(node: Asn1Node | undefined): Asn1Node[] {
  return Array.isArray(node?.value) ? node.value : [];
}

export function verifyPdfSignature(pdf: Uint8Array, expectedCertificatePem?: string): SignatureCheck {
  const text = Buffer.from(pdf).toString('latin1');
  const matches = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (matches.length !== 1) return fail(matches.length === 0 ? '文书没有电子签名' : '文书有多个签名');
  const [a, b, c, d] = (matches[0] as RegExpMatchArray).slice(1, 5).map(Number) as [number, number, number, number];
  if (a !== 0 || c + d !== pdf.length || b >= c) return fail('签名范围未覆盖整个文件（文件在签名后被改动或追加）');
  const contents = text.slice(b, c);
  if (!/^<[0-9A-Fa-f]+>$/.test(contents)) return fail('签名内容格式不正确');
  const signed = Buffer.concat([Buffer.from(pdf.subarray(a, a + b)), Buffer.from(pdf.subarray(c, c + d))]);
  const digest = createHash('sha256').update(signed).digest('binary');
  try {
    const der = Buffer.from(contents.slice(1, -1), 'hex').toString('binary');
    const message = forge.pkcs7.messageFromAsn1(
      forge.asn1.fromDer(forge.util.createBuffer(der), { strict: false, parseAllBytes: false } as never),
    );
    const certificate = (message as unknown as { certificates: forge.pki.Certificate[] }).certificates[0];
    if (!certificate) return fail('签名中没有证书');
    const raw = (message as unknown as { rawCapture: { signerInfos: Asn1Node[]; certificates?: Asn1Node } }).rawCapture;
    const signerInfo = children(raw.signerInfos[0]);
    // SignerInfo: version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature.
    const attrs = signerInfo.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
    const signature = signerInfo.at(-1);
    if (!attrs || typeof signature?.value !== 'string') return fail('签名缺少签名属性');
    let messageDigest: string | undefined;
    let signingTime: string | undefined;
    let certHash: string | undefined;
    for (const attr of children(attrs)) {
      const [oid, values] = children(attr);
      const type = forge.asn1.derToOid(forge.util.createBuffer(oid?.value as string));
      const value = children(values)[0];
      if (type === forge.pki.oids.messageDigest) messageDigest = value?.value as string;
      // SigningCertificateV2 { certs { ESSCertIDv2 { [hashAlgorithm: SHA-256 by default,] certHash, ... } } }.
      if (type === SIGNING_CERTIFICATE_V2) certHash = essCertHash(value);
      if (type === forge.pki.oids.signingTime)
        signingTime = forge.asn1.utcTimeToDate(value?.value as string).toISOString();
    }
    if (messageDigest !== digest) return fail('文件内容与签名不符（摘要不一致）');
    const embedded = children(raw.certificates)[0];
    if (certHash !== undefined) {
      const actual = embedded
        ? createHash('sha256')
            .update(Buffer.from(forge.asn1.toDer(embedded as never).getBytes(), 'binary'))
            .digest('binary')
        : undefined;
      if (certHash !== actual) return fail('签名证书与签名属性中的证书摘要不符');
    }
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, children(attrs) as never);
    const md = forge.md.sha256.create();
    md.update(forge.asn1.toDer(set).getBytes());
    const publicKey = certificate.publicKey as forge.pki.rsa.PublicKey;
    if (!publicKey.verify(md.digest().getBytes(), signature.value)) return fail('签名值校验失败');
    if (expectedCertificatePem) {
      const expected = forge.pki.certificateFromPem(expectedCertificatePem);
      if (forge.pki.certificateToPem(expected) !== forge.pki.certificateToPem(certificate))
        return fail('签名证书不是本院的签章证书');
    }
    const signer = certificate.subject.getField('CN')?.value as string | undefined;
    return { valid: true, ...(signer ? { signer } : {}), ...(signingTime ? { signingTime } : {}) };
  } catch (error) {
    return fail(`签名无法解析：${(error as Error).message}`);
  }
}

/**
 * The certHash of the first ESSCertIDv2 when its hash algorithm is SHA-256 (the default, left out in DER); '' when
 * the attribute cannot be read so (it then matches no certificate).
 */
function essCertHash(value: Asn1Node | undefined): string {
  const [head, next] = children(children(children(value)[0])[0]);
  if (head?.type === forge.asn1.Type.OCTETSTRING) return head.value as string;
  const algorithm = children(head)[0];
  const named = algorithm ? forge.asn1.derToOid(forge.util.createBuffer(algorithm.value as string)) : undefined;
  return named === forge.pki.oids.sha256 && next?.type === forge.asn1.Type.OCTETSTRING ? (next.value as string) : '';
}
