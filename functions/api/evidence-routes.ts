/**
 * The evidence routes of the staff API, as plain functions: request in, `{status, body}` out, with the signed-in
 * identity as a parameter. The staff HTTP API mounts them (its own server, authentication and framing); they
 * validate the body with zod, call one use case, and map a named error to its status.
 *
 * | method | path | use case |
 * |---|---|---|
 * | POST | /cases/{caseId}/evidence/uploads | issue a presigned upload (single PUT or multipart parts) |
 * | POST | /cases/{caseId}/evidence/uploads/{evidenceId}/complete | complete a multipart upload (and record it, locally) |
 * | GET | /cases/{caseId}/evidence[?step=] | list the case's evidence (reads never write) |
 * | POST | /cases/{caseId}/evidence/{evidenceId}/links | a view or download link (audited) |
 * | POST | /cases/{caseId}/evidence/legal-hold | set or release the legal hold on the case's evidence (audited) |
 * | GET | /cases/{caseId}/evidence/verification | re-hash every object and check the audit chain |
 */
import * as z from 'zod/mini';
import { CompleteBody, LegalHoldBody, LinkBody, UploadBody } from '#contracts/evidence.ts';
import { issueLinesZh } from '#contracts/issues.ts';
import type { Deps } from '#use-cases/context.ts';
import { UseCaseError } from '#use-cases/errors.ts';
import {
  authorizeEvidence,
  completeEvidenceUpload,
  type Identity,
  issueEvidenceAccess,
  issueEvidenceUpload,
  listEvidence,
  recordEvidence,
  setEvidenceLegalHold,
  verifyEvidence,
} from '#use-cases/evidence.ts';

export interface ApiRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
}

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
}

export type RouteHandler = (request: ApiRequest, identity: Identity) => Promise<ApiResponse>;

export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly handle: RouteHandler;
}

export { CompleteBody, LegalHoldBody, LinkBody, UploadBody };

function parse<S extends z.core.$ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = z.safeParse(schema, body ?? {});
  if (!parsed.success) {
    throw new UseCaseError('invalid', 400, `请求体不符合要求：${issueLinesZh(parsed.error).join('；')}`);
  }
  return parsed.data;
}

function param(request: ApiRequest, name: string): string {
  const value = request.params[name];
  if (!value) throw new UseCaseError('invalid', 400, `missing path parameter ${name}`);
  return value;
}

/** A UseCaseError becomes its status and a one-line message; anything else is the API's 500. */
function handled(run: RouteHandler): RouteHandler {
  return async (request, identity) => {
    try {
      return await run(request, identity);
    } catch (error) {
      if (error instanceof UseCaseError) {
        return { status: error.status, body: { code: error.code, message: error.message } };
      }
      throw error;
    }
  };
}

export interface EvidenceRouteOptions {
  /**
   * Record the evidence when its upload is completed. The embedded runtime sets it (it has no bucket events);
   * on AWS the bucket's Object Created event does the recording.
   */
  readonly recordOnComplete: boolean;
}

export function evidenceRoutes(
  deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'staff' | 'evidence'>,
  options: EvidenceRouteOptions,
): readonly Route[] {
  const issue = issueEvidenceUpload(deps);
  const complete = completeEvidenceUpload(deps);
  const record = recordEvidence(deps);
  const list = listEvidence(deps);
  const link = issueEvidenceAccess(deps);
  const hold = setEvidenceLegalHold(deps);
  const verify = verifyEvidence(deps);
  const authorize = authorizeEvidence(deps);
  return [
    {
      method: 'POST',
      path: '/cases/{caseId}/evidence/uploads',
      handle: handled(async (request, identity) => {
        const body = parse(UploadBody, request.body);
        return { status: 201, body: await issue(identity, param(request, 'caseId'), body) };
      }),
    },
    {
      method: 'POST',
      path: '/cases/{caseId}/evidence/uploads/{evidenceId}/complete',
      handle: handled(async (request, identity) => {
        const caseId = param(request, 'caseId');
        const evidenceId = param(request, 'evidenceId');
        const { parts } = parse(CompleteBody, request.body);
        await complete(identity, caseId, evidenceId, parts);
        if (!options.recordOnComplete) return { status: 202, body: { evidenceId, status: 'pending' } };
        return { status: 200, body: await record({ caseId, evidenceId }) };
      }),
    },
    {
      method: 'GET',
      path: '/cases/{caseId}/evidence',
      handle: handled(async (request, identity) => {
        const step = request.query?.step;
        return { status: 200, body: await list(identity, param(request, 'caseId'), step ? { step } : {}) };
      }),
    },
    {
      method: 'POST',
      path: '/cases/{caseId}/evidence/{evidenceId}/links',
      handle: handled(async (request, identity) => {
        const { purpose } = parse(LinkBody, request.body);
        return {
          status: 201,
          body: await link(identity, param(request, 'caseId'), param(request, 'evidenceId'), purpose),
        };
      }),
    },
    {
      method: 'POST',
      path: '/cases/{caseId}/evidence/legal-hold',
      handle: handled(async (request, identity) => {
        const { on, reason } = parse(LegalHoldBody, request.body);
        return { status: 200, body: await hold(identity, param(request, 'caseId'), on, reason) };
      }),
    },
    {
      method: 'GET',
      path: '/cases/{caseId}/evidence/verification',
      handle: handled(async (request, identity) => {
        const caseId = param(request, 'caseId');
        await authorize(identity, caseId, 'view');
        return { status: 200, body: await verify(caseId) };
      }),
    },
  ];
}

/** The handler of one route, by method and path template (for the API's router and for tests). */
export function route(routes: readonly Route[], method: Route['method'], path: string): RouteHandler {
  const found = routes.find((r) => r.method === method && r.path === path);
  if (!found) throw new Error(`no route ${method} ${path}`);
  return found.handle;
}
