import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['music/**/*.test.ts', 'server/**/*.test.ts', 'db/**/*.test.ts', 'cli/**/*.test.ts', 'eval/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    // Two cores here: PGlite and Chromium are heavy, so keep files from crowding each other.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // One fast-check seed for every property test: see the file for how to explore others.
    setupFiles: ['./test/support/fast-check-seed.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
