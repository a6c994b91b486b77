import { defineConfig } from 'vitest/config';

/**
 * Files that share one module graph per worker (isolate: false): each builds its own app and
 * journal, and none changes process state, so Tonal, zod, wink and the lexicons load once per
 * worker instead of once per file — about 100 s of CI's 15-minute budget. A file that does change
 * module state must put it back (see server/journal/engine.test.ts).
 */
const SHARED = ['music/**/*.test.ts', 'eval/**/*.test.ts', 'web/src/**/*.test.ts', 'server/**/*.test.ts', 'db/**/*.test.ts', 'cli/**/*.test.ts'];
/** Replaces a module with vi.mock, which only holds in a fresh module graph. */
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
      { extends: true, test: { name: 'shared', include: SHARED, exclude: NEEDS_ISOLATION, isolate: false } },
      // Browser, server-process and whole-conversation tests keep a fresh module graph per file.
      { extends: true, test: { name: 'isolated', include: ['test/**/*.test.ts', ...NEEDS_ISOLATION] } },
    ],
  },
});
