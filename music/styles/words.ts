/**
 * The world palette in a musician's words, as data for explanations and the teaching layer:
 * every scale beyond the church modes, every feel, and the odd-meter groupings. Harmonic
 * approaches are described beside their data in music/harmony/approach.ts.
 */
import type { Feel, MeterGrouping } from '../params.ts';

/** What each scale sounds like and where you hear it (keys are Tonal scale names). */
export const SCALE_WORDS: Readonly<Record<string, string>> = {
  'major pentatonic': 'five notes of the major scale without the fourth and seventh: open, sunny, folk and gospel melodies live here',
  'minor pentatonic': 'five notes of the minor scale without the second and sixth: plain-spoken, bluesy, the rock guitarist\'s home',
  blues: 'minor pentatonic plus the flattened fifth, the "blue note" that bends between keys: gritty, vocal, expressive',
  'minor blues': 'minor pentatonic plus the flattened fifth, the "blue note" that bends between keys: gritty, vocal, expressive',
  'major blues': 'major pentatonic with a minor third slipped in below the major one: country, soul and gospel runs',
  'harmonic minor': 'natural minor with a raised seventh: the leading tone pulls home and the gap it leaves sounds old-world and dramatic',
  'melodic minor': 'minor at the bottom, major at the top: smooth, searching, the jazz minor',
  'phrygian dominant': 'Hijaz: a raised (major) third over a flat second — the flamenco and Middle-Eastern sound; it is the fifth mode of harmonic minor, heard in flamenco, klezmer and Arabic maqam',
  'double harmonic major': 'two augmented seconds, one in each half: the "Byzantine" or maqam Hijaz-Kar sound, heavy with ornament',
  hirajoshi: 'a Japanese pentatonic with two half-steps: koto music, still and a little melancholy',
  'in-sen': 'a Japanese pentatonic with a half-step above the tonic and no third: austere, temple-bell calm',
  'whole tone': 'six notes all a whole step apart: no leading tone and no home, the sound of dreams and dissolving focus',
};

/** Feels added by the world palette, described the way a drummer would. */
export const WORLD_FEEL_WORDS: Readonly<Record<Exclude<Feel, 'straight' | 'swing' | 'half-time' | 'shuffle'>, string>> = {
  bossa: 'bossa nova: a soft surdo kick on one and the "and" of two, a rim-click clave pattern over two bars, brushed eighths',
  'clave-son-3-2': 'son clave 3-2: a two-bar key pattern, three strokes then two, that every other part of Cuban music lines up with',
  'clave-son-2-3': 'son clave 2-3: the same key pattern started from its two-stroke side, so the phrase leans forward',
  'rumba-3-2': 'rumba clave 3-2: like son clave but the third stroke comes an eighth late, more tense and more African',
  'rumba-2-3': 'rumba clave 2-3: the rumba key pattern started from its two-stroke side',
  'one-drop': 'reggae one-drop: nothing on the one, kick and rim together on beat three, guitar chops on the off-beats',
  afrobeat: 'Afrobeat: interlocking kick and ghosted snare, open hi-hats on the off-beats and a bell, a long hypnotic groove',
  bhangra: 'bhangra: the dhol\'s chaal, dha-na-na-na-na-dha-dha-na, the deep bass head on the dhas and the treble head on every stroke, skipping long–short',
};

/** How an odd meter's grouping feels. */
export const GROUPING_WORDS: Readonly<Record<MeterGrouping, string>> = {
  '2+2+3': 'seven counted 1-2 1-2 1-2-3: two short steps and a long one, the limp at the end of the bar',
  '3+2+2': 'seven counted 1-2-3 1-2 1-2: the long step first, as in the Greek kalamatianós',
  '3+2': 'five counted 1-2-3 1-2: a long step and a short one, the "Take Five" lilt',
  '2+3': 'five counted 1-2 1-2-3: the short step first, so the bar stretches at the end',
};
