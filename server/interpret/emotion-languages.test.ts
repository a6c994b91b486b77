import { describe, expect, it } from 'vitest';
import { readEmotionDetail } from './emotion.ts';
import { pickLexicon } from './emotion-language.ts';
import { interpretOffline } from './interpret.ts';
import { FeelingsFile, LEXICONS, indexLexicon } from './lexicon.ts';

const MINOR_FAMILY = ['minor', 'dorian', 'phrygian', 'harmonic minor'];
const MAJOR_FAMILY = ['major', 'lydian', 'mixolydian'];

describe('negation, read through wink-nlp', () => {
  it('hears "not sad any more" as the sadness lifting, not as sadness', () => {
    const d = readEmotionDetail("I'm not sad any more");
    expect(d.valence).toBeGreaterThan(0);
    expect(d.words).toEqual(['not sad']);
  });
  it('hears "no longer afraid" as fear gone: pleasant and calmer than fear', () => {
    const d = readEmotionDetail("I'm no longer afraid");
    expect(d.valence).toBeGreaterThan(0);
    expect(d.arousal).toBeLessThan(0);
    expect(d.words).toEqual(['no longer afraid']);
  });
  it('reads a wished-for feeling as one that is missing ("I wish I could feel angry" is not anger)', () => {
    const wish = readEmotionDetail('I wish I could feel angry');
    const angry = readEmotionDetail('I feel angry');
    expect(angry.arousal).toBeGreaterThan(0.5);
    expect(wish.arousal).toBeLessThan(0);
    expect(wish.valence).toBeLessThan(0);
  });
  it('stops a negation where wink-nlp says its reach ends ("not sad, just quiet" keeps quiet unflipped)', () => {
    const d = readEmotionDetail("I didn't feel lonely, just quiet");
    const quiet = d.hits.find((h) => h.label === 'quiet')!;
    expect(quiet.arousal).toBeLessThan(-0.5);
  });
  it('does not negate "can\'t stop smiling"', () => {
    expect(readEmotionDetail("I can't stop smiling").valence).toBeGreaterThan(0.5);
  });
  it('negates in German, French and Spanish with each language\'s own words', () => {
    expect(readEmotionDetail('Ich bin nicht glücklich').valence).toBeLessThan(0);
    expect(readEmotionDetail("je ne suis pas heureux").valence).toBeLessThan(0);
    expect(readEmotionDetail('no estoy feliz').valence).toBeLessThan(0);
    expect(readEmotionDetail("Je n'ai plus peur").valence).toBeGreaterThan(0);
  });
});

describe('mixed feelings', () => {
  it.each(['bittersweet', 'proud but exhausted', 'happy-sad, like the last day of summer', 'relieved but scared', 'nostalgic'])('marks "%s" as mixed and gives it a two-coloured mode', (text) => {
    const d = readEmotionDetail(text);
    expect(d.mixed).toBe(true);
    const p = interpretOffline(text).params;
    expect(['dorian', 'mixolydian'].includes(p.mode) || p.harmony.borrowed).toBe(true);
    expect(p.tempo).toBeLessThanOrEqual(125);
  });
  it('does not call a plainly sad or plainly happy message mixed', () => {
    expect(readEmotionDetail('sad and lonely').mixed).toBe(false);
    expect(readEmotionDetail('happy and free').mixed).toBe(false);
  });
  it('says why the mode holds two colours, and the reason matches the mode chosen', () => {
    const { params } = interpretOffline('proud but exhausted');
    const why = params.rationale.find((r) => r.aspect === 'mode')!;
    expect(why.choice).toContain(params.mode);
    expect(why.because).toMatch(/two ways|other way|borrowed/);
  });
});

describe('music for the moods that used to fall to a neutral default', () => {
  it('makes 3 a.m. anxiety minor-family and faster, not happy', () => {
    const p = interpretOffline("It's 3am, my heart is racing and I can't stop worrying").params;
    expect(MINOR_FAMILY).toContain(p.mode);
    expect(p.valence).toBeLessThan(-0.2);
    expect(p.tempo).toBeGreaterThan(100);
  });
  it('makes a break-up minor and slower than neutral, and says sadness slowed it', () => {
    const p = interpretOffline('we broke up last week').params;
    expect(MINOR_FAMILY).toContain(p.mode);
    expect(p.tempo).toBeLessThan(96);
    expect(p.rationale.find((r) => r.aspect === 'tempo')!.because).toContain('slower for the sadness');
  });
  it('does not claim sadness slowed an angry song', () => {
    const p = interpretOffline('I am furious').params;
    expect(p.rationale.find((r) => r.aspect === 'tempo')!.because).not.toContain('slower');
  });
  it('makes a tender love song major and slow-ish', () => {
    const p = interpretOffline('a tender love song for my wife').params;
    expect(MAJOR_FAMILY).toContain(p.mode);
    expect(p.tempo).toBeLessThanOrEqual(92);
  });
});

describe('each language', () => {
  it.each([
    ['traurig', 'de'], ['traurige Lieder', 'de'], ['Trauer', 'de'], ['Traurigkeit', 'de'],
    ['triste', 'fr'], ['tristesse', 'fr'], ['je suis triste', 'fr'], ['estoy triste', 'es'], ['tristeza', 'es'],
  ])('"%s" is sad: minor family at 100 bpm or less', (text) => {
    const p = interpretOffline(text).params;
    expect(MINOR_FAMILY).toContain(p.mode);
    expect(p.tempo).toBeLessThanOrEqual(100);
    expect(p.valence).toBeLessThan(-0.3);
  });
  it.each([
    ['Wir feiern die ganze Nacht, so glücklich!'], ['on est tellement heureux, on danse'], ['estamos felices, vamos a bailar'],
  ])('"%s" is joyful: major family, lively', (text) => {
    const p = interpretOffline(text).params;
    expect(MAJOR_FAMILY).toContain(p.mode);
    expect(p.tempo).toBeGreaterThan(105);
  });
  it('tells the language from the words when not told', () => {
    expect(pickLexicon('Ich bin so müde und einsam').lang).toBe('de');
    expect(pickLexicon('je me sens seule ce soir').lang).toBe('fr');
    expect(pickLexicon('me siento sola y cansada').lang).toBe('es');
    expect(pickLexicon('I feel lonely and tired').lang).toBe('en');
  });
  it('a word another language reaches only through a stem does not win it the message ("aisle" is not aislar)', () => {
    expect(pickLexicon('walk down the aisle').lang).toBe('en');
    expect(pickLexicon('aislada de todos').lang).toBe('es');
  });
  it('uses the language it is told, falling back to guessing for one it does not know', () => {
    expect(readEmotionDetail('triste', { lang: 'es' }).lang).toBe('es');
    expect(readEmotionDetail('triste', { lang: 'fr-CA' }).lang).toBe('fr');
    expect(readEmotionDetail('traurig', { lang: 'xx' }).lang).toBe('de');
  });
  it('finds a feeling word from another language inside an English sentence, and only words English lacks', () => {
    expect(readEmotionDetail('The song is about my father. It feels traurig.').words).toEqual(['traurig']);
    // "still" is German for quiet, but an English word here: it stays out.
    expect(readEmotionDetail('I still love her').words).toEqual(['love']);
  });
  it('reaches inflected forms through the stemmer (German adjective endings, compounds)', () => {
    expect(readEmotionDetail('eine traurige Geschichte').valence).toBeLessThan(-0.3);
    expect(readEmotionDetail('ein zärtliches Liebeslied').valence).toBeGreaterThan(0.3);
  });
});

describe('language data as files', () => {
  it('loads a feelings file for en, de, fr and es', () => {
    expect([...LEXICONS.keys()].sort()).toEqual(['de', 'en', 'es', 'fr']);
    for (const lex of LEXICONS.values()) expect(lex.feelings.size).toBeGreaterThan(150);
  });
  it('needs no code for a new language: a data file alone reads its words', () => {
    const it_ = indexLexicon(FeelingsFile.parse({
      language: 'it', about: 'test', stemmer: 'lemma', feelings: { triste: [-0.7, -0.35], felice: [0.8, 0.4] }, negators: ['non'],
    }));
    expect(it_.feelings.get('felice')).toEqual([0.8, 0.4]);
    expect(it_.negators).toEqual([['non']]);
  });
  it('rejects a feelings file with a value outside [-1, 1]', () => {
    expect(FeelingsFile.safeParse({ language: 'xx', about: '', stemmer: 'lemma', feelings: { bad: [2, 0] }, negators: ['no'] }).success).toBe(false);
  });
});
