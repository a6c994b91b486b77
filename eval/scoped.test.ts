import { describe, expect, it } from 'vitest';
import { interpretOffline, reviseOffline } from '../server/interpret/index.ts';
import { SCOPED_CASES } from './scoped-cases.ts';
import { formatScoped, scoreScoped, SCOPED_THRESHOLD } from './scoped.ts';

const interpret = async (t: string) => interpretOffline(t).params;

describe('scoped requests judged on the MIDI notes per section', () => {
  it('holds for at least 7 of 8 requests (en, de, fr, es), every other section keeping ≥ 90 % of its notes', async () => {
    expect(SCOPED_CASES.length).toBeGreaterThanOrEqual(30);
    const card = await scoreScoped(interpret, async (p, r) => reviseOffline(p, r).params);
    expect(card.passed / card.total, formatScoped(card, 'offline')).toBeGreaterThanOrEqual(SCOPED_THRESHOLD);
  }, 120_000);

  it('fails a reviser that changes nothing, and one that applies the change to the whole song', async () => {
    const cases = SCOPED_CASES.slice(0, 8);
    const none = await scoreScoped(interpret, async (p) => p, cases);
    expect(none.passed).toBe(0);
    const whole = await scoreScoped(interpret, async (p, r) => {
      const q = reviseOffline(p, r).params;
      const arrangement = q.sections.find((s) => s.arrangement)?.arrangement;
      return arrangement ? { ...q, sections: q.sections.map((s) => ({ ...s, arrangement })) } : q;
    }, cases);
    expect(whole.passed).toBeLessThanOrEqual(2);
  }, 120_000);
});
