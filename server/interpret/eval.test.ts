import { describe, expect, it } from 'vitest';
import { OFFLINE_THRESHOLD, offlineRunner } from '../../eval/offline.ts';
import { formatScorecard, score } from '../../eval/score.ts';
import { REVISIONS, STATEMENTS } from '../../eval/fixtures.ts';

describe('the offline eval (npm run eval)', () => {
  it('has a fixture set of the promised size', () => {
    expect(STATEMENTS.length).toBeGreaterThanOrEqual(30);
    expect(REVISIONS.length).toBeGreaterThanOrEqual(25);
  });
  it(`scores at least ${OFFLINE_THRESHOLD * 100}% on the offline path`, async () => {
    const card = await score(offlineRunner);
    console.log(formatScorecard(card));
    expect(card.passed / card.total).toBeGreaterThanOrEqual(OFFLINE_THRESHOLD);
  });
  it('can fail: a runner that ignores the words scores badly', async () => {
    const { parseParams } = await import('../../music/params.ts');
    const card = await score({ name: 'deaf', interpret: async () => parseParams({}), revise: async (params) => ({ params }) });
    expect(card.passed / card.total).toBeLessThan(0.3);
  });
});
