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

/**
 * One answer for "there is no such case" and "it is another court's case": the same status, code and words,
 * so that a caller of another court learns nothing (not even that the id exists). Never the id itself.
 */
export const caseNotFound = () => notFound('没有该案件');
/** The same for an approval (审批事项): missing, or another court's. */
export const approvalNotFound = () => notFound('没有该审批事项');
