/**
 * Styles musicians name, and what each implies for the arrangement. The name is kept as `style`
 * (free text until the world-palette templates land); the patch is applied before any explicit
 * request so "jazz, but no drums" still has no drums. Words are regex sources, narrowed where
 * everyday speech collides ("you were my rock", "in a funk", "a swing in the garden").
 * Innerchord's own table, MIT.
 */
import type { SongParameters } from '../../music/params.ts';

type Patch = (d: SongParameters) => void;

export const STYLES: readonly { name: string; words: string; patch: Patch }[] = [
  { name: 'bossa nova', words: 'bossa nova|bossa', patch: (d) => { d.harmony.extensions = true; d.harmony.comping = 'broken'; d.instruments.chords = 'nylon guitar'; d.drums.density = 0.4; } },
  { name: 'jazz', words: 'jazz|jazzy|bebop', patch: (d) => { d.rhythm.feel = 'swing'; d.rhythm.swing = 0.6; d.drums.groove = 'swing'; d.harmony.extensions = true; d.bass.style = 'walking'; d.instruments.bass = 'acoustic bass'; } },
  { name: 'blues', words: 'blues|bluesy', patch: (d) => { d.rhythm.feel = 'shuffle'; d.rhythm.swing = 0.6; d.drums.groove = 'swing'; d.harmony.extensions = true; } },
  { name: 'swing', words: 'swing(?=\\s+(?:feel|rhythm|music|style|tune|song|band|era|groove))|swingy', patch: (d) => { d.rhythm.feel = 'swing'; d.rhythm.swing = 0.6; d.drums.groove = 'swing'; } },
  { name: 'lo-fi', words: 'lo-?fi|lofi', patch: (d) => { d.harmony.extensions = true; d.rhythm.swing = 0.3; d.rhythm.humanize = 0.5; d.instruments.chords = 'electric piano'; d.drums.groove = 'half-time'; } },
  { name: 'folk', words: 'folk|folky|folksy', patch: (d) => { d.instruments.chords = 'acoustic guitar'; d.harmony.comping = 'strum'; d.drums.density = Math.min(d.drums.density, 0.35); } },
  { name: 'country', words: 'country|americana', patch: (d) => { d.instruments.chords = 'acoustic guitar'; d.harmony.comping = 'strum'; d.bass.style = 'root-fifth'; } },
  { name: 'singer-songwriter', words: 'singer-?songwriter', patch: (d) => { d.instruments.chords = 'acoustic guitar'; d.drums.density = Math.min(d.drums.density, 0.3); } },
  { name: 'rock', words: 'rock|rocky|grunge', patch: (d) => { d.instruments.chords = 'electric guitar'; d.instruments.bass = 'electric bass'; d.drums.groove = 'driving'; d.harmony.comping = 'strum'; } },
  { name: 'punk', words: 'punk|pop-punk', patch: (d) => { d.instruments.chords = 'electric guitar'; d.instruments.bass = 'electric bass'; d.drums.groove = 'driving'; d.drums.density = Math.max(d.drums.density, 0.8); d.harmony.comping = 'strum'; } },
  { name: 'metal', words: 'metal|heavy metal', patch: (d) => { d.instruments.chords = 'electric guitar'; d.instruments.melody = 'electric guitar'; d.drums.groove = 'driving'; d.drums.density = Math.max(d.drums.density, 0.85); } },
  { name: 'indie', words: 'indie', patch: (d) => { d.instruments.chords = 'electric guitar'; } },
  { name: 'funk', words: 'funky|(?<!in\\s+a\\s+)funk', patch: (d) => { d.instruments.chords = 'electric guitar'; d.bass.style = 'octave'; d.drums.density = Math.max(d.drums.density, 0.7); d.harmony.extensions = true; } },
  { name: 'disco', words: 'disco', patch: (d) => { d.bass.style = 'octave'; d.drums.groove = 'driving'; d.instruments.chords = 'strings'; } },
  { name: 'soul', words: 'soul\\s+music|neo-?soul|soulful|r&b|rnb|motown', patch: (d) => { d.harmony.extensions = true; d.instruments.chords = 'electric piano'; } },
  { name: 'gospel', words: 'gospel', patch: (d) => { d.harmony.extensions = true; d.instruments.chords = 'organ'; } },
  { name: 'hymn', words: 'hymn|hymnal|chorale', patch: (d) => { d.instruments.chords = 'organ'; d.harmony.comping = 'block'; d.drums.enabled = false; } },
  { name: 'lullaby', words: 'lullaby|cradle song', patch: (d) => { d.harmony.comping = 'arpeggio'; d.drums.enabled = false; d.dynamics.level = Math.min(d.dynamics.level, 0.4); } },
  { name: 'ballad', words: 'ballad|power ballad', patch: (d) => { d.drums.groove = d.meter === '4/4' ? 'ballad' : d.drums.groove; d.harmony.comping = 'arpeggio'; } },
  { name: 'ambient', words: 'ambient|drone', patch: (d) => { d.drums.enabled = false; d.instruments.chords = 'pad'; d.harmony.chordsPerBar = 0.5; } },
  { name: 'electronic', words: 'electronic|synth-?pop|synthwave|edm|techno|house music', patch: (d) => { d.instruments.melody = 'synth lead'; d.instruments.chords = 'pad'; d.instruments.bass = 'synth bass'; d.rhythm.humanize = 0.05; } },
  { name: 'hip hop', words: 'hip-?hop|rap|boom-?bap', patch: (d) => { d.drums.groove = 'half-time'; d.rhythm.swing = 0.2; d.instruments.chords = 'electric piano'; } },
  { name: 'reggae', words: 'reggae|ska|dub', patch: (d) => { d.rhythm.feel = 'half-time'; d.harmony.comping = 'broken'; } },
  { name: 'cinematic', words: 'cinematic|film score|orchestral', patch: (d) => { d.instruments.chords = 'strings'; d.instruments.melody = 'cello'; } },
  { name: 'classical', words: 'classical|baroque|romantic era', patch: (d) => { d.instruments.melody = 'piano'; d.instruments.chords = 'piano'; d.drums.enabled = false; } },
  { name: 'celtic', words: 'celtic|irish\\s+(?:folk|music|tune|song|jig|reel)|scottish\\s+(?:folk|music|tune|song)', patch: (d) => { d.instruments.melody = 'flute'; d.instruments.chords = 'acoustic guitar'; } },
  { name: 'pop', words: 'pop|poppy', patch: (d) => { d.drums.groove = d.meter === '4/4' ? 'straight' : d.drums.groove; } },
];
