import { defineConfig } from 'vitest/config';

/**
 * The console in a real browser: Playwright (playwright-core) driving Debian's Chromium (/usr/bin/chromium, or
 * CHROMIUM_PATH). Separate from `npm test`, which needs no browser; CI runs it as its own step.
 */
export default defineConfig({
  test: {
    name: 'browser',
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
