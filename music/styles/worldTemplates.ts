/**
 * World palettes that live by their instruments (issue #17): a raga-like drone with sitar over a
 * tanpura-like held fifth, koto and shamisen on hirajoshi, bhangra on the dhol's chaal, West African
 * kalimba and guitar, an Andean pan flute over a strummed charango-like guitar. Same shape as
 * templates.ts (and joined to it there); the modes' own loops (music/harmony/approach.ts) take
 * over where a scale has them.
 */
import type { StyleTemplateInput } from './template.ts';

export const WORLD_TEMPLATES: StyleTemplateInput[] = [
  {
    name: 'raga drone', words: 'raga(?:\\s+drone)?|hindustani|indian\\s+classical|sitar\\s+music',
    description: 'a melody that unfolds slowly over a drone on the home note and its fifth, sitar over a held tanpura-like string pad, no chord changes to speak of',
    habits: 'long ornamented notes that circle the home note and climb step by step, phrases that return to it',
    tempo: [60, 84], meter: '4/4', feel: 'straight', swing: 0, humanize: 0.35,
    modes: { major: ['double harmonic major'], minor: ['phrygian dominant'] },
    progressions: { major: [['I', 'I', 'I', 'I'], ['I', 'bII', 'I', 'I']], minor: [['I', 'I', 'I', 'I'], ['I', 'bII', 'I', 'I']] },
    harmony: { chordsPerBar: 0.5, extensions: false, borrowed: false, comping: 'block' },
    drums: { enabled: false, groove: 'auto', density: 0.2, fills: false },
    bass: 'pedal', instruments: { melody: 'sitar', chords: 'string pad', bass: 'cello' },
    melody: { density: 0.45, leapiness: 0.15, contour: 'arch' },
    level: 0.5,
  },
  {
    name: 'koto song', words: 'koto(?:\\s+song)?|japanese\\s+folk|min\'?yo|shamisen\\s+song',
    description: 'Japanese folk colour: koto melody over shamisen fifths on the hirajoshi scale, a drone underneath and hardly any drums',
    habits: 'plucked phrases that fall by step and leap up again, with space between them',
    tempo: [66, 96], meter: '4/4', feel: 'straight', swing: 0, humanize: 0.3,
    modes: { major: ['in-sen'], minor: ['hirajoshi'] },
    progressions: { major: [['I5', 'bVII5', 'I5', 'IV5']], minor: [['I5', 'I5', 'bVI', 'I5']] },
    harmony: { chordsPerBar: 1, extensions: false, borrowed: false, comping: 'broken' },
    drums: { enabled: false, groove: 'auto', density: 0.15, fills: false },
    bass: 'pedal', instruments: { melody: 'koto', chords: 'shamisen', bass: 'acoustic bass' },
    melody: { density: 0.5, leapiness: 0.35, contour: 'falling' },
  },
  {
    name: 'bhangra', words: 'bhangra|punjabi(?:\\s+folk)?',
    description: 'Punjabi harvest dance music: a pounding drum beat, a bright shanai or fiddle riff over one or two chords, and everything pushing forward',
    habits: 'short repeated riffs that climb, answered by the drums, high energy throughout',
    tempo: [150, 172], meter: '4/4', feel: 'bhangra', swing: 0, humanize: 0.2,
    modes: { major: ['mixolydian'], minor: ['dorian'] },
    progressions: { major: [['I', 'I', 'VII', 'I'], ['I', 'IV', 'I', 'VII']], minor: [['i', 'i', 'VII', 'i'], ['i', 'IV', 'i', 'VII']] },
    harmony: { chordsPerBar: 0.5, extensions: false, borrowed: false, comping: 'strum' },
    drums: { enabled: true, groove: 'driving', density: 0.85, fills: true },
    bass: 'root', instruments: { melody: 'shanai', chords: 'accordion', bass: 'electric bass' },
    melody: { density: 0.75, leapiness: 0.3, contour: 'rising' },
  },
  {
    name: 'west african', words: 'west\\s+african|highlife|kora\\s+music|mbira\\s+music',
    description: 'West African guitar-band brightness: interlocking kalimba and guitar lines over a looping major progression and a busy, light groove',
    habits: 'short cyclic phrases that repeat with small changes, bright and danceable',
    tempo: [108, 132], meter: '4/4', feel: 'afrobeat', swing: 0, humanize: 0.2,
    modes: { major: ['major', 'mixolydian'], minor: ['dorian'] },
    progressions: { major: [['I', 'IV', 'I', 'V'], ['I', 'IV', 'V', 'IV']], minor: [['i', 'IV', 'i', 'IV']] },
    harmony: { chordsPerBar: 1, extensions: false, borrowed: false, comping: 'arpeggio' },
    drums: { enabled: true, groove: 'auto', density: 0.6, fills: false },
    bass: 'root-fifth', instruments: { melody: 'kalimba', chords: 'acoustic guitar', bass: 'electric bass' },
    melody: { density: 0.7, leapiness: 0.3, contour: 'wave' },
  },
  {
    name: 'andean', words: 'andean|huayno|music\\s+of\\s+the\\s+andes',
    description: 'songs of the Andes: a breathy pan flute over quick strummed strings, minor and a little wistful, in a lilting two',
    habits: 'pentatonic phrases that leap up and fall back, echoed between lines',
    tempo: [96, 126], meter: '2/4', feel: 'straight', swing: 0, humanize: 0.25,
    modes: { major: ['major'], minor: ['minor', 'dorian'] },
    progressions: { major: [['I', 'V', 'I', 'IV']], minor: [['i', 'III', 'VII', 'i'], ['i', 'VII', 'III', 'v']] },
    harmony: { chordsPerBar: 1, extensions: false, borrowed: false, comping: 'strum' },
    drums: { enabled: true, groove: 'auto', density: 0.4, fills: false },
    bass: 'root-fifth', instruments: { melody: 'pan flute', chords: 'nylon guitar', bass: 'acoustic bass' },
    melody: { density: 0.65, leapiness: 0.4, contour: 'arch' },
  },
];
