/**
 * Zod issues as callers and logs see them: the field named, never a value the caller sent. Zod's own messages name
 * expected types and formats, except for unknown keys, whose message quotes them (a key is input too: it could be
 * anything, personal data included); and a path can pass through the keys of a record. Both are kept out here.
 */
import type { z } from 'zod';

/** A path segment that is a plausible field name or index; anything else is shown as `*`. */
const FIELD = /^[A-Za-z0-9_-]{1,64}$/;

export function issuePath(issue: z.core.$ZodIssue, prefix?: string): string {
  const segments = issue.path.map((segment) => (FIELD.test(String(segment)) ? String(segment) : '*'));
  return [...(prefix ? [prefix] : []), ...segments].join('.');
}

export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.length === 1 ? 'has an unrecognized field' : `has ${issue.keys.length} unrecognized fields`;
  return issue.message;
}

/** `path: message` for each issue (the empty path as `fallback`). */
export function issueLines(error: z.ZodError, fallback = '(body)', prefix?: string): string[] {
  return error.issues.map((issue) => `${issuePath(issue, prefix) || fallback}: ${issueMessage(issue)}`);
}
