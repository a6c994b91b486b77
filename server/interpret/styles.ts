/**
 * Styles musicians name, and what each implies for the arrangement. The name is kept as `style`
 * (a world-palette template name when one matches, music/styles/); the patch is applied before any explicit
 * request so "jazz, but no drums" still has no drums. Words are regex sources, narrowed where
 * everyday speech collides ("you were my rock", "in a funk", "a swing in the garden").
 * Innerchord's own table, MIT.
 */
import type { SongParameters } from '../../music/params.ts';
import { TEMPLATES, applyStyle } from '../../music/styles/index.ts';

type Patch = (d: SongParameters) => void;

/** Replace the draft's contents with `next` in place (fields `next` lacks, like an old blend, go). */
function become(d: SongParameters, next: SongParameters): void {
  for (const k of Object.keys(d) as (keyof SongParameters)[]) if (!(k in next)) delete d[k];
  Object.assign(d, next);
}

/**
 * Did the musician name this song's mode in so many words? Explicit requests leave a "You asked"
 * reason on the mode or key aspect (interpret and revise both write one); a later style request
 * must then keep the mode ("D dorian" earlier, "make it a bossa nova" now).
 */
export function modeWasAsked(p: SongParameters): boolean {
  return p.rationale.some((r) => /^You asked/.test(r.because) && (r.aspect === 'mode' || (r.aspect === 'key' && /^key [A-G][#b]?\s+[a-z]/.test(r.choice))));
}

/**
 * A style's own pace and drive, for styles without a template (music/styles/ has its own ranges):
 * punk is fast and loud whatever the feeling, disco and house sit near 120. The felt tempo stays
 * when it fits; an explicit "slow" or "80 bpm" later in the request still wins.
 */
export const STYLE_PACE: Readonly<Record<string, { tempo: readonly [number, number]; level?: number }>> = {
  rock: { tempo: [96, 150] },
  punk: { tempo: [150, 200], level: 0.78 },
  metal: { tempo: [100, 180], level: 0.78 },
  funk: { tempo: [92, 122], level: 0.65 },
  disco: { tempo: [110, 128], level: 0.66 },
  electronic: { tempo: [90, 140] },
  'hip hop': { tempo: [78, 102] },
};

const pace = (name: string): Patch => (d) => {
  const { tempo: [lo, hi], level } = STYLE_PACE[name]!;
  d.tempo = Math.max(lo, Math.min(hi, d.tempo));
  if (level !== undefined) d.dynamics.level = Math.max(d.dynamics.level, level);
};

/** Metal lives in the minor modes: a bright feeling keeps its drive but not its major third, unless the musician named the mode. */
const darken: Patch = (d) => {
  if (!modeWasAsked(d) && ['major', 'ionian', 'lydian', 'mixolydian'].includes(d.mode)) d.mode = 'minor';
};

/** A template-backed style: the world-palette template decides the arrangement. */
const fromTemplate = (name: string): Patch => (d) => become(d, applyStyle(d, name, undefined, { keepMode: modeWasAsked(d) }));

/** Templates whose words are narrower go first ("irish folk" is Celtic, "lo-fi hip hop" is not plain hip hop). */
const FIRST = ['celtic jig', 'lo-fi hip hop'];
/** Templates whose words are broad go last ("pop-punk" is punk). */
const LAST = ['pop'];
const entry = (name: string) => ({ name, words: TEMPLATES.find((t) => t.name === name)?.words ?? name, patch: fromTemplate(name) });
const MIDDLE = TEMPLATES.map((t) => t.name).filter((n) => !FIRST.includes(n) && !LAST.includes(n));

export const STYLES: readonly { name: string; words: string; patch: Patch }[] = [
  ...[...FIRST, ...MIDDLE].map(entry),
  { name: 'jazz', words: 'jazz|jazzy|bebop', patch: (d) => { d.rhythm.feel = 'swing'; d.rhythm.swing = 0.6; d.drums.groove = 'swing'; d.harmony.extensions = true; d.bass.style = 'walking'; d.instruments.bass = 'acoustic bass'; } },
  { name: 'swing', words: 'swing(?=\\s+(?:feel|rhythm|music|style|tune|song|band|era|groove))|swingy', patch: (d) => { d.rhythm.feel = 'swing'; d.rhythm.swing = 0.6; d.drums.groove = 'swing'; } },
  { name: 'country', words: 'country|americana', patch: (d) => { d.instruments.chords = 'acoustic guitar'; d.harmony.comping = 'strum'; d.bass.style = 'root-fifth'; } },
  { name: 'singer-songwriter', words: 'singer-?songwriter', patch: (d) => { d.instruments.chords = 'acoustic guitar'; d.drums.density = Math.min(d.drums.density, 0.3); } },
  { name: 'rock', words: 'rock|rocky|grunge|heavy\\s+guitars?|guitarras?\\s+(?:pesadas|distorsionadas)|(?:schweren?|verzerrten?)\\s+gitarren|guitares?\\s+(?:saturées|lourdes)', patch: (d) => { d.instruments.chords = 'electric guitar'; d.instruments.bass = 'electric bass'; d.drums.groove = 'driving'; d.harmony.comping = 'strum'; pace('rock')(d); } },
  { name: 'punk', words: 'punk|pop-punk', patch: (d) => { d.instruments.chords = 'electric guitar'; d.instruments.bass = 'electric bass'; d.drums.groove = 'driving'; d.drums.density = Math.max(d.drums.density, 0.8); d.harmony.comping = 'strum'; pace('punk')(d); } },
  { name: 'metal', words: 'metal|heavy metal', patch: (d) => { d.instruments.chords = 'electric guitar'; d.instruments.melody = 'electric guitar'; d.drums.groove = 'driving'; d.drums.density = Math.max(d.drums.density, 0.85); pace('metal')(d); darken(d); } },
  { name: 'indie', words: 'indie', patch: (d) => { d.instruments.chords = 'electric guitar'; } },
  { name: 'funk', words: 'funky|(?<!in\\s+a\\s+)funk', patch: (d) => { d.instruments.chords = 'electric guitar'; d.bass.style = 'octave'; d.drums.density = Math.max(d.drums.density, 0.7); d.harmony.extensions = true; pace('funk')(d); } },
  { name: 'disco', words: 'disco', patch: (d) => { d.bass.style = 'octave'; d.drums.groove = 'driving'; d.instruments.chords = 'strings'; pace('disco')(d); } },
  { name: 'soul', words: 'soul\\s+music|neo-?soul|soulful|r&b|rnb|motown', patch: (d) => { d.harmony.extensions = true; d.instruments.chords = 'electric piano'; } },
  { name: 'ballad', words: 'ballad|power ballad', patch: (d) => { d.drums.groove = d.meter === '4/4' ? 'ballad' : d.drums.groove; d.harmony.comping = 'arpeggio'; } },
  { name: 'electronic', words: 'electronic|synth-?pop|synthwave|edm|techno|house music', patch: (d) => { d.instruments.melody = 'synth lead'; d.instruments.chords = 'pad'; d.instruments.bass = 'synth bass'; d.rhythm.humanize = 0.05; pace('electronic')(d); } },
  { name: 'hip hop', words: 'hip[- ]?hop|rap|boom-?bap', patch: (d) => { d.drums.groove = 'half-time'; d.rhythm.swing = 0.2; d.instruments.chords = 'electric piano'; pace('hip hop')(d); } },
  { name: 'cinematic', words: 'cinematic|film score|orchestral', patch: (d) => { d.instruments.chords = 'strings'; d.instruments.melody = 'cello'; } },
  { name: 'classical', words: 'classical|baroque|romantic era', patch: (d) => { d.instruments.melody = 'piano'; d.instruments.chords = 'piano'; d.drums.enabled = false; } },
  ...LAST.map(entry),
];
