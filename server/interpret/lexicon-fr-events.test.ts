import { describe, expect, it } from 'vitest';
import { readEmotionDetail } from './emotion.ts';

const fr = (text: string) => readEmotionDetail(text, { lang: 'fr' });
const shown = (t: string) => {
  const d = fr(t);
  return `${t}: ${d.valence.toFixed(2)}, ${d.arousal.toFixed(2)} [${d.hits.map((h) => h.label).join('; ')}]`;
};

describe('French life events told without a feeling word', () => {
  const cases: [string, string[], (v: number, a: number) => boolean][] = [
    ['grief and loss: dark and low', [
      'Ma sœur a perdu son combat en avril.',
      'On a dû faire piquer notre labrador.',
      'Il est parti trop tôt, à trente ans.',
      'Demain c’est l’anniversaire de sa mort.',
      'Premier Noël sans elle.',
      'Avec mon frère on a vidé l’appartement de papa.',
      'Les obsèques sont jeudi.',
      'Mamie a Alzheimer depuis deux ans.',
    ], (v, a) => v < -0.4 && a < 0.1],
    ['illness and hospital: dark and tense', [
      'Le diagnostic est tombé mardi.',
      'Mon oncle est en réa après son infarctus.',
      'Papa doit se faire opérer du cœur lundi.',
      'On a fini aux urgences avec le petit.',
      'Il a fait une rechute.',
    ], (v, a) => v < -0.35 && a > -0.1],
    ['work and money trouble: unpleasant', [
      'J’ai perdu mon boulot.',
      'Mon patron m’a mis à la porte.',
      'Je peux pas payer le loyer ce mois-ci.',
      'On est fauchés et l’huissier est passé.',
      'Elle a été recalée au concours.',
    ], (v) => v < -0.3],
    ['births, weddings, reunions, new jobs: bright', [
      'Ma petite-fille est née !',
      'On attend un bébé pour mars !',
      'Il m’a demandée en mariage sur la plage.',
      'On s’est mariés sous les tilleuls.',
      'Après vingt ans on s’est retrouvés, enfin réunis.',
      'J’ai décroché le poste que je voulais.',
      'Je suis admise en école d’archi.',
      'On a adopté un chaton roux.',
    ], (v, a) => v > 0.4 && a > 0],
  ];
  for (const [name, texts, ok] of cases) {
    it(name, () => {
      for (const t of texts) {
        const d = fr(t);
        expect(d.hits.length, t).toBeGreaterThan(0);
        expect(ok(d.valence, d.arousal), shown(t)).toBe(true);
      }
    });
  }

  it('retiring and turning eighty are calm and not dark; a care home is low and sad', () => {
    for (const t of ['Je pars à la retraite en juin.', 'J’ai eu 80 ans la semaine dernière.']) {
      const d = fr(t);
      expect(d.hits.length, t).toBeGreaterThan(0);
      expect(d.valence, shown(t)).toBeGreaterThan(-0.1);
      expect(d.arousal, shown(t)).toBeLessThan(-0.1);
    }
    const home = fr('Grand-père est entré en maison de retraite.');
    expect(home.valence, shown('maison de retraite')).toBeLessThan(-0.2);
    expect(home.arousal).toBeLessThan(-0.2);
  });

  it('exile and uprooting are unpleasant; going home is bright', () => {
    expect(fr('Mes grands-parents ont fui la guerre en 1956.').valence).toBeLessThan(-0.4);
    expect(fr('Depuis que j’ai quitté mon pays je me sens déraciné.').valence).toBeLessThan(-0.3);
    expect(fr('Cet été je rentre au pays.').valence).toBeGreaterThan(0.3);
  });
});

describe('French everyday and regional register', () => {
  it('slang and regional idioms for a bad patch read unpleasant', () => {
    for (const t of ['C’est la cata au boulot.', 'Quelle poisse, encore.', 'En ce moment c’est la hess.', 'Je me fais un sang d’encre pour ma fille.', 'J’ai gros sur le cœur.', 'Je suis pas dans mon assiette.', 'J’ai difficile depuis l’hiver.', 'Encore une chicane avec ma mère.', 'C’est poche en maudit.', 'Je suis mal pris avec ça.']) {
      const d = fr(t);
      expect(d.hits.length, t).toBeGreaterThan(0);
      expect(d.valence, shown(t)).toBeLessThan(-0.3);
    }
  });
  it('being wiped out reads low; the smile and the grit read bright and lively', () => {
    for (const t of ['Je suis complètement KO.', 'Gros coup de pompe cet après-midi.', 'J’ai la tête dans le pâté.']) expect(fr(t).arousal, shown(t)).toBeLessThan(-0.3);
    for (const t of ['Ce matin j’avais la banane.', 'J’ai la niaque pour la finale.']) {
      expect(fr(t).valence, shown(t)).toBeGreaterThan(0.4);
      expect(fr(t).arousal, shown(t)).toBeGreaterThan(0.3);
    }
    expect(fr('Déçue en bien par ce concert !').valence).toBeGreaterThan(0.3);
  });
  it('plain words for hard times: difficile, dur, compliqué, pourri, épreuve', () => {
    for (const t of ['C’est difficile depuis la séparation.', 'La vie est dure.', 'C’est compliqué avec mon père.', 'Une semaine pourrie.', 'Une vraie épreuve.']) {
      expect(fr(t).valence, shown(t)).toBeLessThan(-0.3);
    }
  });
});

describe('French scenes colour a song', () => {
  it('a Christmas market, a tea-room terrace in summer, a swing are bright; an empty station and a hearse are dark', () => {
    for (const t of ['Un marché de Noël avec du vin chaud.', 'Une terrasse en été.', 'La balançoire du jardin.', 'La fête de la musique.']) expect(fr(t).valence, shown(t)).toBeGreaterThan(0.3);
    for (const t of ['Un quai désert.', 'Le corbillard devant l’église.', 'Des chrysanthèmes sur la tombe.']) expect(fr(t).valence, shown(t)).toBeLessThan(-0.2);
  });
});

describe('new French entries do not reach frequent words of another meaning', () => {
  it('durer, pourrait, son, sonne, renvoie, vieille, alcool, opération, complicité carry no negative feeling', () => {
    for (const t of ['ça dure trois minutes', 'toute la durée du morceau', 'il pourrait venir', 'le son de la guitare', 'ça sonne juste', 'il me renvoie la balle', 'une opération bancaire', 'un verre d’alcool', 'une vieille voiture', 'on va secouer la salle']) {
      expect(fr(t).hits.map((h) => h.label), t).toEqual([]);
    }
    expect(fr('notre complicité').valence).toBeGreaterThan(0.4);
    expect(fr('je me réfugie dans la musique').valence).toBeGreaterThan(0);
    // … while the words kept to their spelling still count.
    for (const t of ['c’est dur', 'je suis sonnée', 'j’ai été renvoyé', 'la peur du vieillissement', 'mon père est alcoolique', 'une journée pourrie', 'c’est compliqué']) {
      expect(fr(t).valence, shown(t)).toBeLessThan(-0.3);
    }
  });
  it('a best friend or a boyfriend who leaves is not made brighter by naming them', () => {
    expect(fr('mon chum m’a quitté').valence).toBeLessThan(-0.5);
    expect(fr('encore une chicane avec mon chum').valence).toBeLessThan(-0.3);
    expect(fr('ma meilleure amie m’a trahie').valence).toBeLessThan(-0.5);
  });
});
