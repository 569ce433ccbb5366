/** An event that does not fit the case it is applied to: a programming error, refused before anything is written. */
export class CaseStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseStateError';
  }
}
