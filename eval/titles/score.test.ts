/** The titles evaluation runs its whole set and counts a miss as a miss. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scoreTitles } from './score.ts';

describe('scoreTitles', () => {
  it('scores the stored set over 80%', () => {
    const { passed, total } = scoreTitles();
    expect(total).toBeGreaterThanOrEqual(40);
    expect(passed / total).toBeGreaterThan(0.8);
  });
  it('reports a title nobody listed as a miss', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'titles-')), 'set.json');
    writeFileSync(file, JSON.stringify({ cases: [{ intention: 'A song about the sea', accept: ['The Mountains'] }, { intention: 'yes exactly', accept: [null] }] }));
    const result = scoreTitles(pathToFileURL(file));
    expect(result).toMatchObject({ passed: 1, total: 2 });
    expect(result.misses[0]).toContain('"The Sea"');
  });
});
