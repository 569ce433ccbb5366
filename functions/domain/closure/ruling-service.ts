/**
 * G2-SERVICE (法〔2016〕373号 第六条): what the answer to the 终本 ruling's service on the applicant records. Served only
 * on a delivery whose receipt names the ruling sent, with its hash; anything else is a failed attempt (the next one
 * goes by post). Pure.
 */
import type { CaseEvent } from '../case/events.ts';
import { type DocumentReference, type ReceiptDocument, receiptProblem } from '../documents/service-documents.ts';

export interface RulingServiceAnswer {
  readonly outcome: 'ok' | 'failed';
  readonly receipt?: string;
  readonly reason?: string;
  readonly documents?: readonly ReceiptDocument[];
}

export function rulingServiceEvent(
  requestId: string,
  sent: readonly DocumentReference[],
  answer: RulingServiceAnswer | undefined,
): Extract<CaseEvent, { type: 'ruling-served' | 'ruling-service-failed' }> {
  const problem = !answer
    ? '送达期限内未收到回执'
    : answer.outcome === 'ok'
      ? receiptProblem(sent, answer.documents)
      : (answer.reason ?? '送达失败');
  if (problem) return { type: 'ruling-service-failed', requestId, reason: problem };
  return { type: 'ruling-served', requestId, ...(answer?.receipt ? { receipt: answer.receipt } : {}) };
}
