/**
 * Errors a caller can act on, each with the HTTP status the API maps it to and a staff-facing message.
 * Messages never carry tokens or personal data.
 */
export class UseCaseError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(code: string, status: number, message: string) {
    super(message);
    this.name = 'UseCaseError';
    this.code = code;
    this.status = status;
  }
}

export const unauthenticated = (message: string) => new UseCaseError('unauthenticated', 401, message);
export const forbidden = (message: string) => new UseCaseError('forbidden', 403, message);
export const notFound = (message: string) => new UseCaseError('not-found', 404, message);
export const conflict = (message: string) => new UseCaseError('conflict', 409, message);
export const gone = (message: string) => new UseCaseError('gone', 410, message);
export const invalid = (message: string) => new UseCaseError('invalid', 400, message);
