import { describe, expect, it } from 'vitest';
import { readEmotionDetail } from './emotion.ts';

/**
 * English life events and everyday register (lang/en/feelings.json): people often tell what
 * happened ("he passed last spring", "got made redundant") or say it in slang ("knackered",
 * "chuffed to bits") without naming a feeling.
 */
const read = (text: string) => readEmotionDetail(text, { lang: 'en' });

describe('life events without a feeling word', () => {
  it.each([
    ['Mum passed last spring and I want to write something for her'],
    ['My grandad passed peacefully in his sleep'],
    ['We had to put our dog down yesterday'],
    ['Got made redundant after twenty years at the plant'],
    ['Dad has dementia and forgets my name'],
    ['Grandad is in intensive care'],
  ])('%j reads as a sorrow', (text) => {
    expect(read(text).valence).toBeLessThan(-0.4);
  });

  it('losing a parent reads deeper than "lost" alone (lost keys, lost a match)', () => {
    expect(read('We lost my dad').valence).toBeLessThan(-0.72);
    expect(read('My mum lost her battle with cancer').valence).toBeLessThan(-0.72);
  });

  it('news not yet known is bad and tense; the all-clear is a relief', () => {
    const waiting = read('The biopsy was on Monday and we are waiting for the results');
    expect(waiting.valence).toBeLessThan(-0.3);
    expect(waiting.arousal).toBeGreaterThan(0.2);
    const clear = read('Got the all clear from the oncologist today');
    expect(clear.valence).toBeGreaterThan(0.5);
    expect(clear.arousal).toBeLessThan(0.1);
  });

  it('money trouble is worry, not calm', () => {
    const r = read("We can't make rent this month and the bills are piling up");
    expect(r.valence).toBeLessThan(-0.4);
    expect(r.arousal).toBeGreaterThan(0.3);
  });

  it('a baby on the way is bright and stirring', () => {
    const r = read("We're expecting our first baby!");
    expect(r.valence).toBeGreaterThan(0.6);
    expect(r.arousal).toBeGreaterThan(0.3);
  });

  it('an old-age birthday is warm and unhurried', () => {
    const r = read('Nan turned ninety today');
    expect(r.valence).toBeGreaterThan(0.3);
    expect(r.arousal).toBeLessThan(0.3);
  });

  it('retirement is calm, neither bright nor grieving', () => {
    const r = read('Retiring after forty years at the mill');
    expect(Math.abs(r.valence)).toBeLessThan(0.4);
    expect(r.arousal).toBeLessThan(-0.1);
  });

  it('a first day and a move abroad are keyed up, leaning hopeful', () => {
    const school = read('First day of school tomorrow for my little girl');
    expect(school.valence).toBeGreaterThan(0);
    expect(school.arousal).toBeGreaterThan(0.4);
    const move = read("We're moving to Toronto next month");
    expect(move.valence).toBeGreaterThan(0.1);
    expect(move.arousal).toBeGreaterThan(0.25);
  });

  it('friends drifting apart is a quiet loss', () => {
    const r = read('Me and Sam drifted apart after uni');
    expect(r.valence).toBeLessThan(-0.1);
    expect(r.arousal).toBeLessThan(0);
  });
});

describe('everyday register', () => {
  it.each([
    ["I'm absolutely knackered", -0.05, -0.5],
    ['Chuffed to bits with how the demo turned out', 0.6, null],
    ['Honestly I am at the end of my rope', -0.5, null],
    ['I was crying my eyes out all night', -0.5, null],
    ['Down in the dumps since Christmas', -0.2, null],
    ['Been feeling a bit under the weather', -0.1, -0.1],
  ] as const)('%j', (text, valenceBelowOrAbove, arousalBelow) => {
    const r = read(text);
    if (valenceBelowOrAbove > 0) expect(r.valence).toBeGreaterThan(valenceBelowOrAbove);
    else expect(r.valence).toBeLessThan(valenceBelowOrAbove);
    if (arousalBelow !== null) expect(r.arousal).toBeLessThan(arousalBelow);
  });

  it('nerves before a gig are tense; buzzing for the weekend is high and bright', () => {
    const nerves = read("I'm a bundle of nerves before the gig");
    expect(nerves.valence).toBeLessThan(-0.3);
    expect(nerves.arousal).toBeGreaterThan(0.5);
    const buzzin = read('proper buzzin for Saturday');
    expect(buzzin.valence).toBeGreaterThan(0.5);
    expect(buzzin.arousal).toBeGreaterThan(0.6);
  });
});

describe('pictures of an occasion', () => {
  it('a coffin colours a song dark; tinsel and mistletoe bright', () => {
    expect(read('a coffin in the front room').valence).toBeLessThan(-0.3);
    expect(read('mistletoe and tinsel').valence).toBeGreaterThan(0.5);
  });
});

describe('frequent words that did not become feelings', () => {
  it('"passed" is a death after a person, not after a test or a ball', () => {
    expect(read('He passed last night').valence).toBeLessThan(-0.5);
    expect(read('She passed her driving test today').valence).toBeGreaterThan(0.5);
    expect(read('he passed the ball and we scored').valence).toBeGreaterThan(-0.1);
  });

  it('"moving to" a city is a move, "moving to the beat" a dance', () => {
    expect(read('moving to the beat of the drum').valence).toBeGreaterThan(0.4);
    expect(read('we are moving to Leeds').arousal).toBeGreaterThan(0.2);
  });

  it('"rough" is a feeling only in "feeling rough", not a rough sound', () => {
    expect(read('feeling rough today').valence).toBeLessThan(-0.3);
    expect(read('a rough sound, gritty guitars').valence).toBeGreaterThan(-0.3);
  });
});
