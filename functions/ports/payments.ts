import type { Fen } from '#domain/money.ts';

/** Pays out of the case's account (一案一账号). Idempotent by entry id. */
export interface PaymentGateway {
  pay(order: {
    readonly entryId: string;
    readonly caseId: string;
    readonly payeeId: string;
    readonly amountFen: Fen;
  }): Promise<{ readonly reference: string }>;
}
