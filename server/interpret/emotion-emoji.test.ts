import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emojiFeelings } from './emotion-emoji.ts';
import { readEmotion } from './emotion.ts';
import { interpretOffline } from './index.ts';
import { EMOJI } from './modifiers.ts';

describe('emoji are read as feelings, in every language', () => {
  it.each([
    ['my cat 😭😭', 'en'], ['mi gato 😭', 'es'], ['meine Katze 😭', 'de'], ['mon chat 😭', 'fr'],
  ])('%j reads sad (minor), not neutral', (text) => {
    const p = interpretOffline(text).params;
    expect(readEmotion(text).valence).toBeLessThan(-0.5);
    expect(['minor', 'phrygian', 'dorian']).toContain(p.mode);
  });

  it.each(['done with school 🎉🎉', 'fertig mit der Schule 🎉', 'fini les cours 🥳', 'se acabó la escuela 🥳'])('%j reads as a celebration: bright and quick', (text) => {
    const r = readEmotion(text);
    expect(r.valence).toBeGreaterThan(0.5);
    expect(r.arousal).toBeGreaterThan(0.5);
  });

  it('ignores skin tones and variation selectors, and reads an unlisted sequence by its first emoji', () => {
    expect(emojiFeelings('👍🏽')[0]?.affect).toEqual(emojiFeelings('👍')[0]?.affect);
    expect(emojiFeelings('❤️')[0]?.affect).toEqual(emojiFeelings('❤')[0]?.affect);
    // 😭 joined to something the table lacks is still 😭.
    expect(emojiFeelings('😭\u200D🧑')[0]?.affect).toEqual(emojiFeelings('😭')[0]?.affect);
    expect(emojiFeelings('🐶 🧑‍🍳 🪑')).toEqual([]);
  });

  it('counts one emoji typed again as emphasis, up to a limit, each where it stands', () => {
    const many = emojiFeelings('yay ' + '🎉'.repeat(10));
    expect(many).toHaveLength(EMOJI.repeats);
    expect(many.map((e) => e.at)).toEqual([4, 6, 8]);
  });

  it('moves a reading that has words toward the emoji, and leaves text without emoji as it was', () => {
    expect(readEmotion('the exam was okay 😭').valence).toBeLessThan(readEmotion('the exam was okay').valence);
    expect(readEmotion('the exam was okay 😌').arousal).toBeLessThan(readEmotion('the exam was okay').arousal);
  });

  it('has a table of single emoji, each within the circumplex', () => {
    const table = JSON.parse(readFileSync(new URL('../../lang/emoji.json', import.meta.url), 'utf8')).emoji as Record<string, [number, number]>;
    expect(Object.keys(table).length).toBeGreaterThan(150);
    for (const [emoji, [v, a]] of Object.entries(table)) {
      expect(emojiFeelings(emoji), emoji).toHaveLength(1);
      expect(Math.abs(v) <= 1 && Math.abs(a) <= 1, emoji).toBe(true);
    }
  });
});
