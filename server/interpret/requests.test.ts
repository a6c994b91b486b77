import { describe, expect, it } from 'vitest';
import { interpretOffline } from './index.ts';

const interpret = (text: string) => interpretOffline(text).params;

describe('interpretOffline: a bare key name means major', () => {
  it.each([['in Bb', 'Bb'], ['in F', 'F'], ['in F#', 'F#'], ['key of G', 'G']])('%j → %s major', (text, key) => {
    expect(interpret(text)).toMatchObject({ key, mode: 'major' });
  });
  it('unless the mood strongly says minor', () => {
    expect(interpret('grief-stricken and hopeless, in F')).toMatchObject({ key: 'F', mode: 'minor' });
  });
  it('a named mode still wins', () => {
    expect(interpret('in F dorian')).toMatchObject({ key: 'F', mode: 'dorian' });
  });
});

describe('interpretOffline: "Am" is a chord symbol only as one is written', () => {
  it.each(['I AM SO HAPPY', 'Am Ende war ich glücklich und froh.', 'Am Wochenende fahren wir ans Meer, ich freue mich', 'WHO AM I', 'so gmüetlich hüt', 'über Gé'])('%j names no key', (text) => {
    const p = interpretOffline(text);
    expect(p.params.mode).not.toBe('minor');
    expect(p.explicit.some((r) => r.startsWith('key'))).toBe(false);
  });
  it.each([['Chords: Am F C G, happy', 'A'], ['write it in Am', 'A'], ['Em, C, G, D progression please, happy song', 'E'], ['Am', 'A'], ['C#m F#m E B loop', 'F#']])('%j → %s minor', (text, key) => {
    expect(interpret(text)).toMatchObject({ key, mode: 'minor' });
  });
});

describe('interpretOffline: swing', () => {
  it.each(['swing', 'swung', 'with swing', 'a calm tune with a bit of swing'])('%j swings', (text) => {
    const p = interpret(text);
    expect(p.rhythm.feel).toBe('swing');
    expect(p.rhythm.swing).toBeGreaterThan(0);
  });
  it('a garden swing is not a groove', () => {
    expect(interpret('sitting on the swing in the garden').rhythm.feel).not.toBe('swing');
  });
});

describe('interpretOffline: instruments', () => {
  it('"X instead of Y" replaces Y by X where Y played', () => {
    const p = interpret('use a guitar instead of piano');
    expect(p.instruments.chords).toBe('acoustic guitar');
    expect(Object.values(p.instruments)).not.toContain('piano');
  });
  it('"replace the piano with a guitar" too', () => {
    expect(interpret('replace the piano with a guitar').instruments.chords).toBe('acoustic guitar');
  });
  it.each([['guitar and violin', 'acoustic guitar', 'strings'], ['acoustic guitar and piano', 'acoustic guitar', 'piano'], ['piano and flute', 'piano', 'flute']])('%j plays both', (text, a, b) => {
    const used = Object.values(interpret(text).instruments);
    expect(used).toContain(a);
    expect(used).toContain(b);
  });
});

describe('explicit requests stay honoured', () => {
  it('"no swing" does not swing', () => {
    expect(interpret('a calm tune, no swing').rhythm.feel).not.toBe('swing');
  });
  it('a bare key keeps a mode named earlier', async () => {
    const { reviseOffline } = await import('./index.ts');
    const start = interpret('sad, in F# minor');
    expect(reviseOffline(start, 'put it in G').params).toMatchObject({ key: 'G', mode: 'minor' });
    const warm = interpret('a warm, hopeful song in C major');
    expect(reviseOffline(warm, 'put it in G').params).toMatchObject({ key: 'G', mode: 'major' });
  });
  it('"on guitar with strings": the guitar leads, the strings accompany', () => {
    expect(interpret('on guitar with strings').instruments).toMatchObject({ melody: 'acoustic guitar', chords: 'strings' });
  });
});

describe('interpretOffline: a tempo word turned round ("not too slow")', () => {
  // Each would read as its plain word without the rule: "not too slow" as slow (56–72 bpm).
  it.each([
    ['gentle, acoustic guitar, not too slow', 'min', 80],
    ['sad, nothing too slow', 'min', 80],
    ['ein trauriges Lied, aber nicht zu langsam', 'min', 80],
    ['une chanson triste, pas trop lente', 'min', 80],
    ['una canción triste pero no tan lenta', 'min', 80],
    ['so happy, dancing, but not too fast', 'max', 116],
    ['ich bin glücklich und tanze, aber nicht zu schnell', 'max', 116],
    ['je suis heureuse, je danse, mais pas trop rapide', 'max', 116],
  ] as const)('%s → %s %i bpm, quoted as asked', (text, side, bpm) => {
    const { params } = interpretOffline(text);
    if (side === 'min') expect(params.tempo).toBeGreaterThanOrEqual(bpm);
    else expect(params.tempo).toBeLessThanOrEqual(bpm);
    const tempo = params.rationale.find((r) => r.aspect === 'tempo')!;
    expect(tempo.quote).toMatch(/^(not|nothing|nicht|pas|no) /i);
  });

  it('reads a lead-in only in its own language ("no" is Spanish, not German)', () => {
    expect(interpretOffline('ein Lied, no langsam').params.rationale.find((r) => r.aspect === 'tempo')?.quote ?? '').not.toMatch(/^no /);
  });
});

describe('interpretOffline: the strongest tempo words', () => {
  it.each([
    ['Algo de metal, rapidísimo', 150, 190], ['una balada lentísima', 48, 60], ['Je veux une chanson super rapide et joyeuse', 150, 190],
    ['super schnell bitte, Punk', 150, 190], ['super fast please', 150, 190], ['super slow and sad', 48, 60],
  ])('%j → %i–%i bpm', (text, lo, hi) => {
    const { tempo } = interpret(text);
    expect(tempo).toBeGreaterThanOrEqual(lo);
    expect(tempo).toBeLessThanOrEqual(hi);
  });
});

describe('a tempo number with a sign or an -ish', () => {
  it.each([['a punk track, 170+ bpm', 170], ['something around 90-ish bpm', 90], ['at 100ish bpm', 100]])('%j → %i bpm', (text, bpm) => {
    expect(interpret(text).tempo).toBe(bpm);
  });
});

describe('a metronome mark, as musicians write one', () => {
  it.each([
    ['♩ = 96, in D minor', 96], ['autour de 80 à la noire', 80], ['Viertel = 72', 72], ['negra a 100', 100],
    ['quarter note = 132', 132], ['120 to the quarter', 120], ['noire = 60', 60],
  ])('%j → %i bpm', (text, bpm) => {
    expect(interpret(text).tempo).toBe(bpm);
  });

  it('not a unit inside another word, nor a number without one', () => {
    expect(interpret('il y a longtemps 90 personnes').tempo).not.toBe(90);
    expect(interpret('a 35 mm film of our wedding').tempo).not.toBe(35);
  });
});

describe('the waltz in four languages', () => {
  it.each(['a slow waltz', 'une valse lente', 'ein langsamer Walzer', 'un vals lento'])('%j is in 3/4 and slow', (text) => {
    const p = interpret(text);
    expect(p.meter).toBe('3/4');
    expect(p.tempo).toBeLessThanOrEqual(80);
  });
});
