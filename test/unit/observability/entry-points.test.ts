/** Every Lambda entry point is traced and publishes its metrics; nothing the local server loads pulls them in. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter(keep)
    .map((name) => join(dir, name));
}

describe('observability of the Lambda functions', () => {
  it('wraps every handler.ts in observed() (Metrics)', () => {
    // Prepare
    const handlers = files('functions', (name) => name.endsWith('handler.ts'));

    // Act
    const unobserved = handlers.filter(
      (path) => !/export const handler = observed\(/.test(readFileSync(join(ROOT, path), 'utf8')),
    );

    // Assess
    expect(handlers.length).toBeGreaterThanOrEqual(36);
    expect(unobserved).toEqual([]);
  });

  it('keeps Tracer and Metrics out of everything but the entry points and the AWS wiring', () => {
    // Prepare
    const sources = [
      ...files('functions', (name) => name.endsWith('.ts') && !name.endsWith('handler.ts')),
      ...files('local', (name) => name.endsWith('.ts')),
    ];
    const allowed = ['functions/commons/observability.ts', 'functions/commons/aws-ports.ts'];

    // Act
    const importing = sources.filter(
      (path) =>
        !allowed.includes(path) &&
        /@aws-lambda-powertools\/(tracer|metrics)|#commons\/observability|\/observability\.ts'/.test(
          readFileSync(join(ROOT, path), 'utf8'),
        ),
    );

    // Assess
    expect(importing).toEqual([]);
  });
});
