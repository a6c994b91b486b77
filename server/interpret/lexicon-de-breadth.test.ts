/**
 * The German lexicon's breadth (lang/de/feelings.json): whole families of everyday, colloquial and
 * regional feeling words sit in the right quarter of the circumplex, images count less than
 * feeling words, idioms match as written, and frequent words that only share a stem or a
 * compound's start with an entry (gefahren/Gefahr, Drucker/Druck, Donnerstag/Donner) find nothing.
 */
import { describe, expect, it } from 'vitest';
import { readEmotionDetail } from './emotion.ts';
import { interpretOffline } from './interpret.ts';

const MINOR_FAMILY = ['minor', 'dorian', 'phrygian', 'harmonic minor'];
const MAJOR_FAMILY = ['major', 'lydian', 'mixolydian'];
const de = (text: string) => readEmotionDetail(text, { lang: 'de' });

describe('German feeling families land in their quarter', () => {
  it('anger and irritation are unpleasant and driven', () => {
    for (const w of ['stinksauer', 'wutentbrannt', 'angepisst', 'empört', 'grantig', 'hässig', 'verärgert', 'ausgerastet']) {
      const r = de(`ich bin ${w}`);
      expect(r.valence, w).toBeLessThan(-0.3);
      expect(r.arousal, w).toBeGreaterThan(0.3);
    }
  });
  it('panic and stress are unpleasant and fast', () => {
    for (const w of ['Panikattacke', 'Herzrasen', 'Lampenfieber', 'Schiss', 'Zeitdruck', 'Hektik', 'Nervenbündel']) {
      const r = de(`${w}, echt`);
      expect(r.valence, w).toBeLessThan(-0.2);
      expect(r.arousal, w).toBeGreaterThan(0.4);
    }
  });
  it('tiredness, emptiness and shame are unpleasant and low', () => {
    for (const w of ['todmüde', 'ausgebrannt', 'antriebslos', 'abgestumpft', 'gerädert', 'mutlos', 'freudlos', 'resigniert']) {
      const r = de(`ich bin ${w}`);
      expect(r.valence, w).toBeLessThan(-0.2);
      expect(r.arousal, w).toBeLessThan(-0.2);
    }
  });
  it('calm contentment is pleasant, slow and soft', () => {
    for (const w of ['behaglich', 'kuschelig', 'erholt', 'ausgeruht', 'tiefenentspannt', 'heimelig', 'seelenruhig', 'beschaulich']) {
      const r = de(`alles ist so ${w}`);
      expect(r.valence, w).toBeGreaterThan(0.2);
      expect(r.arousal, w).toBeLessThan(-0.2);
      expect(interpretOffline(`alles ist so ${w}`, { lang: 'de' }).params.tempo, w).toBeLessThanOrEqual(92);
    }
  });
  it('euphoria, pride and triumph are bright and fast', () => {
    for (const w of ['ekstatisch', 'überschwänglich', 'aufgedreht', 'triumphierend', 'bestanden', 'legendär', 'affengeil']) {
      const r = de(`einfach ${w}!`);
      expect(r.valence, w).toBeGreaterThan(0.4);
      expect(r.arousal, w).toBeGreaterThan(0.4);
    }
  });
  it('love and tenderness are warm, never racing', () => {
    for (const w of ['zärtlich', 'geborgen', 'Zweisamkeit', 'fürsorglich', 'kuscheln', 'warmherzig']) {
      const r = de(`so ${w}`);
      expect(r.valence, w).toBeGreaterThan(0.4);
      expect(r.arousal, w).toBeLessThan(0.3);
    }
  });
  it('spellings without umlauts reach the same feelings', () => {
    for (const [plain, umlaut] of [['gluecklich', 'glücklich'], ['muede', 'müde'], ['wuetend', 'wütend'], ['gemuetlich', 'gemütlich']] as const) {
      expect(Math.sign(de(plain).valence), plain).toBe(Math.sign(de(umlaut).valence));
      expect(Math.sign(de(plain).arousal), plain).toBe(Math.sign(de(umlaut).arousal));
    }
  });
});

describe('German idioms and images', () => {
  it('idioms of anger, panic and joy set the mode family', () => {
    for (const t of ['ich krieg die Krise, der Drucker spinnt', 'das bringt mich auf die Palme', 'mir platzt gleich der Kragen', 'mein Herz rast, ich hab einen Knoten im Magen']) {
      const p = interpretOffline(t, { lang: 'de' }).params;
      expect(MINOR_FAMILY, t).toContain(p.mode);
      expect(p.tempo, t).toBeGreaterThanOrEqual(105);
    }
    for (const t of ['ich schwebe auf Wolke sieben', 'mir fällt ein Stein vom Herzen', 'ich bin völlig aus dem Häuschen']) {
      expect(MAJOR_FAMILY, t).toContain(interpretOffline(t, { lang: 'de' }).params.mode);
    }
  });
  it('a calm scene told in pictures reads slow', () => {
    for (const t of ['Hängematte, Vogelgezwitscher, eine Tasse Tee', 'Kerzenschein und eine Wolldecke auf dem Sofa', 'auf der Terrasse, ein Glas Wein, die Grillen zirpen']) {
      expect(interpretOffline(t, { lang: 'de' }).params.tempo, t).toBeLessThanOrEqual(90);
    }
  });
  it('images count less than feeling words', () => {
    const image = de('Gewitterwolken').hits[0]?.weight ?? 0;
    const word = de('wütend').hits[0]?.weight ?? 0;
    expect(de('Donner').hits.length).toBe(1);
    expect(de('Donner').hits[0]!.weight).toBeLessThan(word);
    expect(image).toBeLessThanOrEqual(word);
  });
});

describe('frequent German words that only look like feeling words find nothing', () => {
  it('shared stems and compound starts stay apart', () => {
    for (const t of [
      'am Donnerstag sind wir nach Hamburg gefahren',
      'der Drucker funktioniert, die Qualität stimmt',
      'leider weiter mit der Brieftasche zur Feuerwehr',
      'die Kellnerin brachte Tickets und den Staubsauger',
      'sie tragen die Windeln, zweifellos berühmte Leute',
      'das Ticket ist bestimmt vertraulich, es besteht aus einer Kette',
      'die Flucht aus der Haft am Donnerstag',
    ]) expect(de(t).hits.map((h) => h.label), t).toEqual([]);
  });
});
