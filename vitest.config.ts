import { defineConfig } from 'vitest/config';

/** Pure music, evaluation and web-logic tests: no database, server or browser state to leak. */
const PURE = ['music/**/*.test.ts', 'eval/**/*.test.ts', 'web/src/**/*.test.ts'];
/** Pure, but replaces a module with vi.mock, which only holds in a fresh module graph. */
const NEEDS_ISOLATION = ['music/midi/export.linear.test.ts'];

export default defineConfig({
  test: {
    // Two cores here: PGlite and Chromium are heavy, so keep files from crowding each other.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // One fast-check seed for every property test: see the file for how to explore others.
    setupFiles: ['./test/support/fast-check-seed.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        // Pure files share one module graph per worker: Tonal, zod and the lexicons load once per
        // worker instead of once per file (CI has a 15-minute budget).
        test: { name: 'pure', include: PURE, exclude: NEEDS_ISOLATION, isolate: false },
      },
      {
        extends: true,
        test: { name: 'app', include: ['server/**/*.test.ts', 'db/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts', ...NEEDS_ISOLATION] },
      },
    ],
  },
});
