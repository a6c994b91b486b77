/**
 * A small glossary of the words the Theory panel uses, as data: each term in plain words, the
 * way a musician who never studied theory would want it said. Innerchord's own text, MIT.
 */
export interface GlossaryEntry {
  /** Stable id used in TheorySection.terms and by the web popovers: "roman-numeral". */
  id: string;
  term: string;
  plain: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { id: 'key', term: 'Key', plain: 'The home note a song keeps returning to, and the family of notes around it.' },
  { id: 'tonic', term: 'Tonic', plain: 'The home note or home chord: where the music feels at rest.' },
  { id: 'scale', term: 'Scale', plain: 'The set of notes a song mostly uses, in order from the home note.' },
  { id: 'mode', term: 'Mode', plain: 'One of the seven ways to start the white-key scale from a different note; each has its own colour.' },
  { id: 'major', term: 'Major', plain: 'A scale or chord with a bright, open sound, built on a major third.' },
  { id: 'minor', term: 'Minor', plain: 'A scale or chord with a darker, more inward sound, built on a minor third.' },
  { id: 'interval', term: 'Interval', plain: 'The distance between two notes, counted in scale steps or semitones.' },
  { id: 'semitone', term: 'Semitone', plain: 'The smallest step in Western music: one piano key to the very next.' },
  { id: 'chord', term: 'Chord', plain: 'Three or more notes sounding together.' },
  { id: 'triad', term: 'Triad', plain: 'A three-note chord stacked in thirds: root, third and fifth.' },
  { id: 'seventh-chord', term: 'Seventh chord', plain: 'A triad with one more third on top; it adds warmth or pull.' },
  { id: 'roman-numeral', term: 'Roman numeral', plain: 'A chord named by the scale step it stands on: I is built on the home note, V on the fifth. Capitals are major, lower case minor.' },
  { id: 'function', term: 'Chord function', plain: 'The job a chord does in a phrase: rest (tonic), move away (subdominant) or pull home (dominant).' },
  { id: 'subdominant', term: 'Subdominant', plain: 'A chord that leads away from home and prepares the pull back; IV and ii are typical.' },
  { id: 'dominant', term: 'Dominant', plain: 'The chord on the fifth step (V); it leans strongly towards home.' },
  { id: 'borrowed-chord', term: 'Borrowed chord', plain: 'A chord taken from the parallel major or minor: a sudden shade of another colour.' },
  { id: 'progression', term: 'Chord progression', plain: 'The order in which chords follow one another.' },
  { id: 'cadence', term: 'Cadence', plain: 'The last two chords of a phrase: how it ends, like punctuation.' },
  { id: 'authentic-cadence', term: 'Authentic cadence', plain: 'V to I: the strongest way to say "home", like a full stop.' },
  { id: 'plagal-cadence', term: 'Plagal cadence', plain: 'IV to I: a softer homecoming, the "amen" at the end of a hymn.' },
  { id: 'half-cadence', term: 'Half cadence', plain: 'A phrase that stops on V: a comma, a question left open.' },
  { id: 'minor-dominant-cadence', term: 'Minor-dominant cadence', plain: 'v to i (or v to I): the chord on the fifth step is minor, so no leading tone pulls home — a soft, modal close rather than a full stop.' },
  { id: 'leading-tone', term: 'Leading tone', plain: 'The note a half-step below home; in a major V chord it pulls up to the tonic, which is what makes V–I sound final.' },
  { id: 'meter-grouping', term: 'Beat grouping', plain: 'How an odd meter splits its bar into long and short steps: 7/8 as 2+2+3 or 3+2+2, 5/4 as 3+2 or 2+3.' },
  { id: 'style-template', term: 'Style', plain: 'A way songs are made somewhere in the world — its groove, chords, scale and instruments — that a sketch can borrow or blend.' },
  { id: 'deceptive-cadence', term: 'Deceptive cadence', plain: 'V going somewhere other than home (often vi): a surprise turn.' },
  { id: 'meter', term: 'Meter', plain: 'How beats are grouped into bars: 4/4 counts four beats, 3/4 counts three.' },
  { id: 'tempo', term: 'Tempo', plain: 'The speed of the beat, in beats per minute (bpm).' },
  { id: 'bar', term: 'Bar', plain: 'One group of beats, as the meter counts them; also called a measure.' },
  { id: 'feel', term: 'Feel', plain: 'How the beat is played: straight and even, swung long-short, or at half-time.' },
  { id: 'syncopation', term: 'Syncopation', plain: 'Accents that land off the main beats, giving a push or a lilt.' },
];

/** Look a term up by id: glossaryEntry('cadence')?.term → "Cadence"; undefined when unknown. */
export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return GLOSSARY.find((g) => g.id === id);
}
