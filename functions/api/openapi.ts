/**
 * The OpenAPI 3.1 document of the staff API, generated from the route table and its zod contracts (JSON Schema
 * 2020-12, which OpenAPI 3.1 uses): nothing is written twice. `npm run schemas` writes it to api/openapi.json; a
 * test checks that file against this and the live API against both.
 */
import * as z from 'zod';
import { ErrorBody, Task } from '#contracts/api.ts';
import { DECISION_DATA } from '#contracts/decisions.ts';
import { MAX_BODY_BYTES, MAX_CURSOR_CHARS, MAX_JSON_DEPTH, MAX_URL_CHARS } from '#contracts/limits.ts';
import { ROUTES, type Route } from './routes.ts';

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const responseSchemaName = (route: Route) => `${capitalised(route.operationId)}Response`;
export const requestSchemaName = (route: Route) => `${capitalised(route.operationId)}Request`;

const STATUS_TEXT: Record<number, string> = {
  202: 'Accepted, no link yet: the evidence is in an archive storage class; a restore was asked for (on the journal) or is under way, and the message says when to ask again',
  400: 'The request does not meet the contract (each problem named by field, never by value), its body is nested too deep or is not JSON, its path does not decode, or its cursor is not one this query issued',
  401: 'No verified identity',
  403: 'The role table does not allow this caller this action',
  404: 'No such task or case in the caller’s court: another court’s answers exactly as a missing one',
  409: 'Conflict: already decided, or held by someone else (of concurrent decisions exactly one applies)',
  410: 'Gone: the approval timed out (the late decision is recorded on the case), or an upload link expired',
  413: 'The request body is over x-limits.maxBodyBytes (refused unread), or the declared file is larger than P-EVIDENCE allows for its kind',
  415: 'The declared content type is not one P-EVIDENCE accepts',
};

const SUCCESS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted' };

type JsonObject = Record<string, unknown>;

function strip(schema: JsonObject): JsonObject {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

function parameterSchema(schema: z.core.$ZodType): JsonObject {
  return strip(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonObject);
}

function parameters(route: Route): JsonObject[] {
  const out: JsonObject[] = [];
  for (const [location, object] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!object) continue;
    for (const [name, schema] of Object.entries(object._zod.def.shape) as [string, z.core.$ZodType][]) {
      const optional = z.safeParse(schema, undefined).success;
      const description = z.globalRegistry.get(schema)?.description;
      out.push({
        name,
        in: location,
        required: location === 'path' || !optional,
        ...(description ? { description } : {}),
        schema: parameterSchema(schema),
      });
    }
  }
  return out;
}

export function buildOpenApi(): JsonObject {
  const registry = z.registry<{ id: string }>();
  registry.add(ErrorBody, { id: 'Error' });
  registry.add(Task, { id: 'Task' });
  for (const route of ROUTES as readonly Route[]) {
    if (!registry.has(route.response)) registry.add(route.response, { id: responseSchemaName(route) });
    if (route.body && !registry.has(route.body)) registry.add(route.body, { id: requestSchemaName(route) });
  }
  for (const [step, byDecision] of Object.entries(DECISION_DATA)) {
    for (const [decision, schema] of Object.entries(byDecision)) {
      if (Object.keys(schema.shape).length > 0)
        registry.add(schema, { id: `DecisionData_${step.replace(/-/g, '_')}_${decision}` });
    }
  }
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonObject> };
  const ref = (schema: z.core.$ZodType) => ({ $ref: `#/components/schemas/${registry.get(schema)?.id}` });

  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of ROUTES as readonly Route[]) {
    const responses: Record<string, JsonObject> = {};
    for (const status of route.success ?? [200]) {
      responses[status] = {
        description: SUCCESS_TEXT[status] ?? 'OK',
        content: { 'application/json': { schema: ref(route.response) } },
      };
    }
    for (const status of route.errors) {
      responses[status] = {
        description: STATUS_TEXT[status] ?? 'Error',
        content: { 'application/json': { schema: ref(ErrorBody) } },
      };
    }
    const operation: JsonObject = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      ...(route.authenticated ? {} : { security: [] }),
      ...(route.target === 'local' ? { 'x-local-only': true } : {}),
      'x-served-by': route.target,
      parameters: parameters(route),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: ref(route.body) } } } }
        : {}),
      responses,
    };
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Court enforcement staff API',
      version: '1.0.0',
      description:
        'Task inbox, decisions, assignment and case reads for enforcement-bureau staff. The same routes run on AWS ' +
        '(API Gateway, Cognito ID tokens) and on the embedded runtime (`npm start`: staff sessions from ' +
        'POST /auth/sign-in; development tokens from POST /auth/token in virtual-clock data directories only). ' +
        'Staff-facing messages are Chinese. Decisions on a step carry that step’s data ' +
        '(components DecisionData_*). Every route refuses, before parsing, a body over x-limits.maxBodyBytes (413), ' +
        'a body nested deeper than x-limits.maxJsonDepth, a path that does not percent-decode and a cursor not issued ' +
        'for the same query (400); errors name the field, never the value, and never carry a stack trace.',
    },
    security: [{ bearer: [] }],
    // The input limits every route applies before parsing (functions/contracts/limits.ts; docs/inputs.md).
    'x-limits': {
      maxBodyBytes: MAX_BODY_BYTES,
      maxJsonDepth: MAX_JSON_DEPTH,
      maxCursorChars: MAX_CURSOR_CHARS,
      maxUrlChars: MAX_URL_CHARS,
    },
    tags: [
      { name: 'tasks', description: 'Pending approvals: list, claim, assign, decide' },
      { name: 'cases', description: 'Case reads, lookups, the audit-chain check, staff actions of the coercion phase' },
      { name: 'board', description: 'The command-center board: nodes, approvals waiting, cases per phase, workload' },
      {
        name: 'entrustments',
        description: 'Matters other courts entrust to this court (H1), and both directions counted',
      },
      {
        name: 'evidence',
        description: 'Field evidence: signed uploads, listing, audited links, legal hold, verification',
      },
      {
        name: 'field',
        description: 'Field officers: trips out and back, positions with consent, incidents, on-site records',
      },
      {
        name: 'preservation',
        description:
          'Preservations carried into enforcement (诉执衔接, B3-CARRY) and the time limit for applying (A12): the objection and its ruling',
      },
      { name: 'identity', description: 'Who is calling; this description' },
      { name: 'local', description: 'Embedded runtime only: staff sign-in, development tokens, the virtual clock' },
    ],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'AWS: the Cognito ID token. Locally: a development token from POST /auth/token.',
        },
      },
      schemas,
    },
  };
}

export const OPENAPI_DOCUMENT = buildOpenApi();
