import { defineConfig } from 'vitest/config';

/** Three tiers, by folder: pure unit tests, workflow scenarios on the embedded runtime, infrastructure assertions. */
export default defineConfig({
  test: {
    projects: [
      // Unit tests that hash passwords (scrypt), spawn a script or render PDF pages take well under a second alone;
      // on a loaded 2-core machine they were seen past vitest's default 5 s, so the tier allows 30 s.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 } },
      { extends: true, test: { name: 'workflow', include: ['test/workflow/**/*.test.ts'], testTimeout: 60_000 } },
      {
        extends: true,
        test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
  },
});
