import { describe, expect, it } from 'vitest';
import { readEmotionDetail } from './emotion.ts';
import { interpretOffline } from './interpret.ts';
import { lexiconFor } from './lexicon.ts';

const MINOR_FAMILY = ['minor', 'dorian', 'phrygian', 'harmonic minor'];
const MAJOR_FAMILY = ['major', 'lydian', 'mixolydian'];
const fr = (text: string) => readEmotionDetail(text, { lang: 'fr' });

describe('French feelings: families of words, each read on the right side of the circumplex', () => {
  const families: [string, string[], (v: number, a: number) => boolean][] = [
    ['anger and irritation: unpleasant, high arousal', ['je suis furax', 'elle est vénère', 'j’en ai ras le bol', 'je vais péter un câble', 'je suis hors de moi', 'ça me saoule', 'quelle engueulade', 'je suis exaspérée'], (v, a) => v < -0.3 && a > 0.4],
    ['fear and panic: unpleasant, high arousal', ['j’ai la trouille', 'je flippe', 'j’ai une boule au ventre', 'crise de panique', 'j’ai les mains moites', 'je suis tétanisée', 'ça me fout les jetons'], (v, a) => v < -0.3 && a > 0.3],
    ['calm contentment: pleasant, low arousal', ['je suis détendue', 'bien au chaud sous la couette', 'une sieste au calme', 'quelle plénitude', 'je me la coule douce', 'un dimanche tranquillou', 'je suis reposé'], (v, a) => v > 0.3 && a < -0.3],
    ['tiredness, emptiness, shame: unpleasant, low arousal', ['je suis lessivée', 'complètement vanné', 'au bout du rouleau', 'je broie du noir', 'plus goût à rien', 'une coquille vide', 'je suis exténuée'], (v, a) => v < -0.3 && a < -0.2],
    ['excitement, pride, triumph: pleasant, high arousal', ['je suis aux anges', 'c’est de la bombe', 'on a gagné, quel triomphe', 'je suis surexcitée', 'on s’est éclatés', 'fou de joie', 'trop stylé'], (v, a) => v > 0.4 && a > 0.45],
    ['love and tenderness: pleasant, low to middling arousal', ['un gros câlin', 'blottis dans ses bras', 'mon âme sœur', 'une tendre caresse', 'elle est tellement mignonne', 'quelle complicité'], (v, a) => v > 0.4 && a <= 0.5],
  ];
  for (const [name, texts, ok] of families) {
    it(name, () => {
      for (const t of texts) {
        const d = fr(t);
        expect(d.hits.length, t).toBeGreaterThan(0);
        expect(ok(d.valence, d.arousal), `${t}: ${d.valence.toFixed(2)}, ${d.arousal.toFixed(2)}`).toBe(true);
      }
    });
  }
});

describe('French entries kept as written do not reach frequent words of another meaning', () => {
  it('malheureusement, il s’agit, ma mère, forcément, département, le plan, des … carry no feeling', () => {
    for (const t of ['malheureusement', 'il s’agit de ça', 'ma mère', 'forcément', 'le département', 'le plan', 'qu’il puisse', 'des gens', 'sans doute', 'la vente', 'en outre', 'au fur et à mesure', 'je me suis senti', 'une dette', 'la suspension', 'ça bouge', 'je rentre chez moi', 'des cartons', 'une compagnie aérienne']) {
      expect(fr(t).hits.map((h) => h.label), t).toEqual([]);
    }
  });
  it('French entries spelled like English or German words do not pull English text into French', () => {
    for (const t of ['lo-fi beat with soul and mellow keys', 'she gave me a haircut', 'the player at the top', 'a crisis of motivation', 'Blase und Nase']) {
      expect(readEmotionDetail(t).lang, t).not.toBe('fr');
    }
  });
  it('every French phrase has at least two words (one-word phrases are never matched; they belong in feelings)', () => {
    const words = (p: string) => p.split(/[\s\-–'’]+/).filter(Boolean);
    expect(Object.keys(lexiconFor('fr')!.data.phrases).filter((p) => words(p).length < 2)).toEqual([]);
  });
});

describe('French scenes and idioms set the song', () => {
  it('a cosy scene reads slow and bright', async () => {
    const p = (await interpretOffline('Dimanche matin, un plaid, un thé, la pluie contre la vitre.')).params;
    expect(MAJOR_FAMILY).toContain(p.mode);
    expect(p.tempo).toBeLessThan(90);
  });
  it('anger said with idioms reads minor and fast', async () => {
    const p = (await interpretOffline('J’en ai ras le bol, mon coloc me tape sur les nerfs, je suis hors de moi.')).params;
    expect(MINOR_FAMILY).toContain(p.mode);
    expect(p.tempo).toBeGreaterThan(110);
  });
  it('a swarm in the head and a lion in a cage are agitation; a cat by the fire is calm', () => {
    expect(fr('un essaim d’abeilles dans la tête').arousal).toBeGreaterThan(0.5);
    expect(fr('comme un lion en cage').valence).toBeLessThan(0);
    const cat = fr('comme un chat qui ronronne au coin du feu');
    expect(cat.valence).toBeGreaterThan(0.3);
    expect(cat.arousal).toBeLessThan(-0.3);
  });
});
