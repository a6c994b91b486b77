/**
 * Scoped revision requests for the eval, in several phrasings and languages, each with what the
 * notes must show: the named part in the named sections changes as asked. Written for this project;
 * not the examples alone.
 */

/** Which sections a case is about: every one of this name, the n-th (1-based), or the last (-1). */
export interface Target { name: string; nth?: number }
export type Change = 'softer' | 'louder' | 'sparser' | 'busier' | 'silent' | 'lower' | 'higher' | 'bigger' | 'added';

export interface ScopedCase {
  request: string;
  /** The song it revises: a statement for the offline interpreter, and a seed. */
  start: string;
  seed: number;
  target: Target;
  /** A part ("drums") or "all" for the whole section. */
  part: 'melody' | 'chords' | 'bass' | 'drums' | 'all';
  change: Change;
  /** For "added": the new section follows this one. */
  after?: Target;
}

const SAD = 'a quiet song about my grandmother, slow and sad, with a bridge';
const HAPPY = 'an upbeat song for my best friend, bright and hopeful, with a bridge';
const ANGRY = 'angry and restless about the city, driving, in E minor, with a bridge';
const TENDER = 'a tender love song for my partner, warm and gentle, with a bridge';
const PIANO = 'a calm piano song for a winter evening, with a bridge';
const BITTERSWEET = 'a bittersweet song about leaving home, mid-tempo, with a bridge';
const GENTLE = 'a gentle song about my father, slow, with a bridge';
const SUMMER = 'an energetic song about summer with friends, with a bridge';
const FIERCE = 'a fierce song about standing up for myself, fast and loud, with a bridge';

export const SCOPED_CASES: readonly ScopedCase[] = [
  // English: parts and sections, several phrasings.
  { request: 'fewer drums in the verse', start: HAPPY, seed: 11, target: { name: 'verse' }, part: 'drums', change: 'sparser' },
  { request: 'can the verses have a lot less drums', start: ANGRY, seed: 12, target: { name: 'verse' }, part: 'drums', change: 'sparser' },
  { request: 'piano softer in the intro', start: PIANO, seed: 13, target: { name: 'intro' }, part: 'chords', change: 'softer' },
  { request: 'no bass in the intro', start: SAD, seed: 14, target: { name: 'intro' }, part: 'bass', change: 'silent' },
  { request: 'busier melody in the bridge', start: TENDER, seed: 15, target: { name: 'bridge' }, part: 'melody', change: 'busier' },
  { request: 'louder chorus', start: SAD, seed: 16, target: { name: 'chorus' }, part: 'all', change: 'louder' },
  { request: 'take the drums out of the outro', start: HAPPY, seed: 17, target: { name: 'outro' }, part: 'drums', change: 'silent' },
  { request: 'the verse melody lower', start: HAPPY, seed: 18, target: { name: 'verse' }, part: 'melody', change: 'lower' },
  { request: 'the last chorus bigger', start: TENDER, seed: 19, target: { name: 'chorus', nth: -1 }, part: 'all', change: 'bigger' },
  { request: 'make the bass a bit quieter in the chorus', start: ANGRY, seed: 20, target: { name: 'chorus' }, part: 'bass', change: 'softer' },
  { request: 'I want the drums much louder in the bridge', start: PIANO, seed: 21, target: { name: 'bridge' }, part: 'drums', change: 'louder' },
  { request: 'in the second verse, drop the bass', start: TENDER, seed: 22, target: { name: 'verse', nth: 2 }, part: 'bass', change: 'silent' },
  { request: 'melody an octave higher in the last chorus', start: SAD, seed: 23, target: { name: 'chorus', nth: -1 }, part: 'melody', change: 'higher' },
  { request: 'the chords should be sparser during the verses', start: HAPPY, seed: 24, target: { name: 'verse' }, part: 'chords', change: 'sparser' },
  { request: 'more drums in the chorus please', start: TENDER, seed: 25, target: { name: 'chorus' }, part: 'drums', change: 'busier' },
  { request: 'the intro could be a little quieter', start: ANGRY, seed: 26, target: { name: 'intro' }, part: 'all', change: 'softer' },
  { request: 'an instrumental break after the second chorus', start: HAPPY, seed: 27, target: { name: 'instrumental' }, part: 'all', change: 'added', after: { name: 'chorus', nth: 2 } },
  { request: 'add a pre-chorus', start: SAD, seed: 28, target: { name: 'pre-chorus' }, part: 'all', change: 'added' },
  { request: 'the bridge needs a busier bass', start: SAD, seed: 29, target: { name: 'bridge' }, part: 'bass', change: 'busier' },
  { request: 'lose the drums in the first verse', start: ANGRY, seed: 30, target: { name: 'verse', nth: 1 }, part: 'drums', change: 'silent' },
  // German.
  { request: 'ohne Schlagzeug im Refrain', start: HAPPY, seed: 31, target: { name: 'chorus' }, part: 'drums', change: 'silent' },
  { request: 'die Melodie in der Strophe etwas tiefer', start: TENDER, seed: 32, target: { name: 'verse' }, part: 'melody', change: 'lower' },
  { request: 'im letzten Refrain viel mehr Schlagzeug', start: SAD, seed: 33, target: { name: 'chorus', nth: -1 }, part: 'drums', change: 'busier' },
  { request: 'den Bass im Intro leiser, bitte', start: ANGRY, seed: 34, target: { name: 'intro' }, part: 'bass', change: 'softer' },
  { request: 'weniger Schlagzeug in den Strophen', start: HAPPY, seed: 35, target: { name: 'verse' }, part: 'drums', change: 'sparser' },
  // French.
  { request: 'moins de batterie dans le couplet', start: ANGRY, seed: 36, target: { name: 'verse' }, part: 'drums', change: 'sparser' },
  { request: 'sans basse dans l\'intro', start: HAPPY, seed: 37, target: { name: 'intro' }, part: 'bass', change: 'silent' },
  { request: 'la mélodie plus aiguë dans le dernier refrain', start: SAD, seed: 38, target: { name: 'chorus', nth: -1 }, part: 'melody', change: 'higher' },
  { request: 'le piano un peu plus doux dans le pont', start: PIANO, seed: 39, target: { name: 'bridge' }, part: 'chords', change: 'softer' },
  // Spanish.
  { request: 'sin batería en el estribillo', start: TENDER, seed: 40, target: { name: 'chorus' }, part: 'drums', change: 'silent' },
  { request: 'el bajo más fuerte en el puente', start: SAD, seed: 41, target: { name: 'bridge' }, part: 'bass', change: 'louder' },
  { request: 'menos batería en la estrofa', start: HAPPY, seed: 42, target: { name: 'verse' }, part: 'drums', change: 'sparser' },
  // A second set, other phrasings and songs.
  { request: 'could the drums be quieter in the verses?', start: BITTERSWEET, seed: 100, target: { name: 'verse' }, part: 'drums', change: 'softer' },
  { request: 'strip the bass out of the bridge', start: FIERCE, seed: 101, target: { name: 'bridge' }, part: 'bass', change: 'silent' },
  { request: 'I would like the chorus melody an octave up', start: BITTERSWEET, seed: 102, target: { name: 'chorus' }, part: 'melody', change: 'higher' },
  { request: 'less busy drums in the bridge', start: FIERCE, seed: 103, target: { name: 'bridge' }, part: 'drums', change: 'sparser' },
  { request: 'make the final chorus huge', start: BITTERSWEET, seed: 104, target: { name: 'chorus', nth: -1 }, part: 'all', change: 'bigger' },
  { request: 'the intro should be drumless', start: FIERCE, seed: 105, target: { name: 'intro' }, part: 'drums', change: 'silent' },
  { request: 'the bass should drop out in the first chorus', start: BITTERSWEET, seed: 106, target: { name: 'chorus', nth: 1 }, part: 'bass', change: 'silent' },
  { request: 'busier bass line during the chorus', start: BITTERSWEET, seed: 107, target: { name: 'chorus' }, part: 'bass', change: 'busier' },
  { request: 'the guitar a touch louder in the verse', start: BITTERSWEET, seed: 108, target: { name: 'verse' }, part: 'chords', change: 'louder' },
  { request: 'quieter outro', start: FIERCE, seed: 109, target: { name: 'outro' }, part: 'all', change: 'softer' },
  { request: 'turn the drums down in the bridge', start: FIERCE, seed: 110, target: { name: 'bridge' }, part: 'drums', change: 'softer' },
  { request: 'mute the chords in the intro', start: BITTERSWEET, seed: 111, target: { name: 'intro' }, part: 'chords', change: 'silent' },
  { request: 'the melody in the second verse should be lower', start: BITTERSWEET, seed: 112, target: { name: 'verse', nth: 2 }, part: 'melody', change: 'lower' },
  { request: 'keep the drums out of the intro please', start: BITTERSWEET, seed: 113, target: { name: 'intro' }, part: 'drums', change: 'silent' },
  { request: 'a sparser verse', start: FIERCE, seed: 114, target: { name: 'verse' }, part: 'all', change: 'sparser' },
  { request: 'the bridge louder', start: BITTERSWEET, seed: 115, target: { name: 'bridge' }, part: 'all', change: 'louder' },
  { request: 'put a solo after the bridge', start: BITTERSWEET, seed: 116, target: { name: 'solo' }, part: 'all', change: 'added', after: { name: 'bridge' } },
  { request: 'Das Schlagzeug in der Bridge leiser bitte', start: FIERCE, seed: 117, target: { name: 'bridge' }, part: 'drums', change: 'softer' },
  { request: 'Im Intro keine Akkorde', start: BITTERSWEET, seed: 118, target: { name: 'intro' }, part: 'chords', change: 'silent' },
  { request: 'Die Melodie im letzten Refrain eine Oktave höher', start: BITTERSWEET, seed: 119, target: { name: 'chorus', nth: -1 }, part: 'melody', change: 'higher' },
  { request: 'Mehr Bass im Refrain', start: FIERCE, seed: 120, target: { name: 'chorus' }, part: 'bass', change: 'busier' },
  { request: 'Le refrain plus fort', start: BITTERSWEET, seed: 121, target: { name: 'chorus' }, part: 'all', change: 'louder' },
  { request: 'Retire la batterie de l\'outro', start: FIERCE, seed: 122, target: { name: 'outro' }, part: 'drums', change: 'silent' },
  { request: 'Plus de batterie dans le pont', start: BITTERSWEET, seed: 123, target: { name: 'bridge' }, part: 'drums', change: 'busier' },
  { request: 'La basse plus discrète dans les couplets', start: FIERCE, seed: 124, target: { name: 'verse' }, part: 'bass', change: 'softer' },
  { request: 'Quita el bajo de la intro', start: BITTERSWEET, seed: 125, target: { name: 'intro' }, part: 'bass', change: 'silent' },
  { request: 'Más batería en el último estribillo', start: BITTERSWEET, seed: 126, target: { name: 'chorus', nth: -1 }, part: 'drums', change: 'busier' },
  { request: 'La melodía una octava más baja en el puente', start: FIERCE, seed: 127, target: { name: 'bridge' }, part: 'melody', change: 'lower' },
  { request: 'El estribillo más suave', start: FIERCE, seed: 128, target: { name: 'chorus' }, part: 'all', change: 'softer' },
  { request: 'lighter drums in the second chorus', start: FIERCE, seed: 129, target: { name: 'chorus', nth: 2 }, part: 'drums', change: 'sparser' },
  { request: 'can we hear less of the piano in the bridge', start: BITTERSWEET, seed: 130, target: { name: 'bridge' }, part: 'chords', change: 'softer' },
  { request: 'the chorus drums are too busy', start: FIERCE, seed: 131, target: { name: 'chorus' }, part: 'drums', change: 'sparser' },
  { request: 'pull the bass back in the verse', start: BITTERSWEET, seed: 132, target: { name: 'verse' }, part: 'bass', change: 'softer' },
  { request: 'only the drums should be quieter in the outro', start: FIERCE, seed: 133, target: { name: 'outro' }, part: 'drums', change: 'softer' },
  // A third set: questions, polite forms, plurals, instances in every language.
  { request: 'Könntest du das Schlagzeug in der Strophe weglassen?', start: GENTLE, seed: 300, target: { name: 'verse' }, part: 'drums', change: 'silent' },
  { request: 'Der Bass im Refrain soll lauter sein', start: SUMMER, seed: 301, target: { name: 'chorus' }, part: 'bass', change: 'louder' },
  { request: 'Bitte im Intro weniger Schlagzeug', start: SUMMER, seed: 302, target: { name: 'intro' }, part: 'drums', change: 'sparser' },
  { request: 'Die Melodie in der Bridge höher', start: GENTLE, seed: 303, target: { name: 'bridge' }, part: 'melody', change: 'higher' },
  { request: 'Das Klavier im Outro etwas leiser', start: GENTLE, seed: 304, target: { name: 'outro' }, part: 'melody', change: 'softer' },
  { request: 'Der letzte Refrain größer', start: SUMMER, seed: 305, target: { name: 'chorus', nth: -1 }, part: 'all', change: 'bigger' },
  { request: 'Mets moins de batterie dans le refrain', start: SUMMER, seed: 306, target: { name: 'chorus' }, part: 'drums', change: 'sparser' },
  { request: 'La basse plus forte dans le pont, s\'il te plaît', start: GENTLE, seed: 307, target: { name: 'bridge' }, part: 'bass', change: 'louder' },
  { request: 'Enlève la basse du premier couplet', start: SUMMER, seed: 308, target: { name: 'verse', nth: 1 }, part: 'bass', change: 'silent' },
  { request: 'Le dernier refrain plus intense', start: GENTLE, seed: 309, target: { name: 'chorus', nth: -1 }, part: 'all', change: 'bigger' },
  { request: 'La mélodie une octave plus bas dans l\'intro', start: SUMMER, seed: 310, target: { name: 'intro' }, part: 'melody', change: 'lower' },
  { request: 'Je voudrais la batterie plus douce dans les couplets', start: SUMMER, seed: 311, target: { name: 'verse' }, part: 'drums', change: 'softer' },
  { request: '¿Puedes quitar la batería de la intro?', start: SUMMER, seed: 312, target: { name: 'intro' }, part: 'drums', change: 'silent' },
  { request: 'El piano más bajito en el puente', start: GENTLE, seed: 313, target: { name: 'bridge' }, part: 'melody', change: 'softer' },
  { request: 'Más batería en los estribillos', start: GENTLE, seed: 314, target: { name: 'chorus' }, part: 'drums', change: 'busier' },
  { request: 'La melodía más aguda en la segunda estrofa', start: SUMMER, seed: 315, target: { name: 'verse', nth: 2 }, part: 'melody', change: 'higher' },
  { request: 'El último estribillo más grande', start: SUMMER, seed: 316, target: { name: 'chorus', nth: -1 }, part: 'all', change: 'bigger' },
  { request: 'Menos bajo en la intro', start: GENTLE, seed: 317, target: { name: 'intro' }, part: 'bass', change: 'sparser' },
  { request: 'could you drop the drums for the bridge', start: GENTLE, seed: 318, target: { name: 'bridge' }, part: 'drums', change: 'silent' },
  { request: 'a softer bass in the outro', start: SUMMER, seed: 319, target: { name: 'outro' }, part: 'bass', change: 'softer' },
  { request: 'the choruses need way more drums', start: GENTLE, seed: 320, target: { name: 'chorus' }, part: 'drums', change: 'busier' },
  { request: 'sing lower in the verses', start: SUMMER, seed: 321, target: { name: 'verse' }, part: 'melody', change: 'lower' },
  { request: 'the intro is too loud', start: SUMMER, seed: 322, target: { name: 'intro' }, part: 'all', change: 'softer' },
  { request: 'can the bridge be more intimate', start: SUMMER, seed: 323, target: { name: 'bridge' }, part: 'all', change: 'softer' },
  { request: 'la melodía más grave en la intro', start: ANGRY, seed: 43, target: { name: 'intro' }, part: 'melody', change: 'lower' },
];
