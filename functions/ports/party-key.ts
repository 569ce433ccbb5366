/**
 * The installation's secret key for party ids (HMAC-SHA256 of the ID number; domain/ids.ts): 32 random bytes in an
 * owner-only file of the data directory on the embedded runtime, a Secrets Manager secret on AWS. It never appears
 * in a case record, a log or a payload; changing it changes every party id (see docs/evidence.md, party ids).
 */
export interface PartyKey {
  key(): Promise<Uint8Array>;
}
