/** Titles from intentions: the subject the musician named, short and capitalised, in their language; never a confirmation. */
import { describe, expect, it } from 'vitest';
import { MAX_TITLE_CHARS, titleFromIntention } from './title.ts';
import { loadTitleWords } from './words.ts';

const CASES: [string, string][] = [
  ['A song for my grandmother about the empty chair at Sunday dinner', 'The Empty Chair'],
  ['A song for my grandmother about the empty chair at Sunday dinner, tender and a little hopeful — that love stays.', 'The Empty Chair'],
  ['A song for my sister about the quiet after the move, tender — that home moves with you.', 'The Quiet After the Move'],
  ['I want to write a song about my father’s hands', "My Father's Hands"],
  ['The letter I never sent to my brother after the funeral', 'The Letter I Never Sent'],
  ['This song is about leaving the city where I grew up in the spring', 'Leaving the City'],
  ['A song for my sister.', 'For My Sister'],
  ['A song for Mum about how she moved into a care home last spring.', 'How She Moved'],
  ['A song about everything we never said to each other before he died', 'Everything We Never Said'],
  ['Ein Lied für meine Oma über „den leeren Stuhl beim Sonntagsessen“, zärtlich – mit der Botschaft: dass sie bleibt.', 'Den leeren Stuhl beim Sonntagsessen'],
  ['Une chanson pour ma grand-mère sur « la chaise vide du dimanche », tendre — avec ce message : elle reste.', 'La chaise vide du dimanche'],
  ['love in winter', 'Love in Winter'],
  ['A song that is about the long winter', 'The Long Winter'],
  ['A song for my sister that says sorry', 'For My Sister'],
  ['A protest song about rent prices in Berlin', 'Rent Prices in Berlin'],
  ['Una canción de cuna para mi nieta', 'Para mi nieta'],
  ['Ein Schlaflied für Mila', 'Für Mila'],
  ['Ein Lied für meine Großmutter über die Küche, in der es immer nach Zimt roch', 'Die Küche'],
  ['Ein Lied über den Abschied von meinem Vater im Krankenhaus', 'Den Abschied von meinem Vater'],
  ['Une chanson pour ma grand-mère sur la chaise vide lors des dimanches en famille', 'La chaise vide'],
  ['Un morceau sur la mer en hiver', 'La mer en hiver'],
  ['Una canción para mi abuela sobre la silla vacía en la cena del domingo', 'La silla vacía'],
  ['Una canción sobre el verano que pasamos en la playa con mis amigos', 'El verano'],
];

const NOT_TITLES = ['A song that tells my father I forgive him', 'Ein Lied, das meinem Vater sagt, dass ich ihm verzeihe', 'Yes, exactly', 'yes exactly!', 'ja, genau', 'Ja genau so', 'Almost, but the wording is muddled', 'oui, exactement', 'sí, exacto', 'A song, tender and quiet.', '', '   '];

describe('titleFromIntention', () => {
  it.each(CASES)('%s → %s', (intention, title) => {
    expect(titleFromIntention(intention)).toBe(title);
  });

  it.each(NOT_TITLES)('makes no title of %j (a confirmation, a clause, or no subject)', (text) => {
    expect(titleFromIntention(text)).toBeNull();
  });

  it('takes every word of a title from the intention, and keeps titles short', () => {
    // Seeded combinations of leads, people, subjects and tails, in four languages.
    let seed = 1234;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const leads = ['A song for my son about', 'A lullaby about', 'Ein Lied für meinen Bruder über', 'Une chanson pour mon ami sur', 'Una canción para mi madre sobre', 'It is about'];
    const subjects = ['the red bicycle', 'losing the house', 'the morning light', 'unser altes Haus', 'la maison bleue', 'el camino de vuelta', 'everything we never said to each other'];
    const tails = ['', ' at dawn', ', quiet and warm', ' — that we keep going.', ' when the rain comes back every autumn'];
    for (let n = 0; n < 300; n++) {
      const intention = `${leads[rnd(leads.length)]} ${subjects[rnd(subjects.length)]}${tails[rnd(tails.length)]}`;
      const title = titleFromIntention(intention);
      expect(title, `seed ${seed}: ${intention}`).not.toBeNull();
      expect(title!.length, intention).toBeLessThanOrEqual(MAX_TITLE_CHARS);
      expect(title!.split(' ').length, intention).toBeLessThanOrEqual(6);
      const said = intention.toLowerCase();
      for (const word of title!.toLowerCase().split(' ')) expect(said, `${title} from ${intention}`).toContain(word);
    }
  });

  it('reads its words from lang/<code>/titles.json for every language folder', () => {
    expect(Object.keys(loadTitleWords()).sort()).toEqual(['de', 'en', 'es', 'fr']);
  });
});
