/**
 * The eval set: things musicians say, and the direction the music must move. Checks are
 * directional on purpose ("sadder" → lower valence), so the LLM and the offline interpreter are
 * judged by the same yardstick without pinning either to exact numbers.
 */

export interface StatementCheck {
  valence?: 'positive' | 'negative';
  arousal?: 'high' | 'low';
  /** Any of these modes passes. */
  mode?: string[];
  key?: string;
  /** Inclusive bpm range. */
  tempo?: [number, number];
  meter?: string;
  drums?: boolean;
  style?: string;
  hasSection?: string;
  lacksSection?: string;
  chords?: string;
  /** Rhythmic feel: "swing", "straight" … */
  feel?: string;
  /** Every one of these must play some part. */
  instruments?: string[];
  /** None of these may play any part. */
  noInstruments?: string[];
}

export interface Statement { category: string; text: string; expect: StatementCheck }

export interface RevisionCheck {
  valence?: 'up' | 'down';
  arousal?: 'up' | 'down';
  tempo?: 'up' | 'down' | number;
  key?: string;
  mode?: string[];
  meter?: string;
  drums?: 'off' | 'sparser' | 'busier';
  melody?: 'sparser' | 'busier' | 'higher' | 'lower';
  swing?: 'up';
  hasSection?: string;
  lacksSection?: string;
  /** Bars of this section must grow. */
  longer?: string;
  /** This section's valence offset and energy must rise. */
  lifts?: string;
  instrument?: string;
  /** Overall level. */
  dynamics?: 'up' | 'down';
  /** Total bars of the form. */
  bars?: 'fewer' | 'more';
  /** These top-level fields must be exactly as before. */
  unchanged?: string[];
  /** Only the offline path can say "I did not understand"; the LLM is not scored on it. */
  unrecognised?: boolean;
}

export interface RevisionFixture { category: string; start: string; request: string; expect: RevisionCheck }

export const STATEMENTS: readonly Statement[] = [
  { category: 'feelings', text: 'I feel calm and grateful', expect: { valence: 'positive', arousal: 'low' } },
  { category: 'feelings', text: "I'm so happy, we just got married and I want to dance!", expect: { valence: 'positive', arousal: 'high', mode: ['major', 'lydian', 'mixolydian'], tempo: [105, 180] } },
  { category: 'feelings', text: 'My dad died last winter and the house is quiet now', expect: { valence: 'negative', arousal: 'low', mode: ['minor', 'dorian', 'phrygian', 'harmonic minor'], tempo: [40, 90] } },
  { category: 'feelings', text: 'I am furious at how they treated her', expect: { valence: 'negative', arousal: 'high', tempo: [100, 200] } },
  { category: 'feelings', text: 'anxious and restless, I cannot sleep', expect: { valence: 'negative', arousal: 'high' } },
  { category: 'feelings', text: 'lonely and tired', expect: { valence: 'negative', arousal: 'low' } },
  { category: 'feelings', text: 'a lullaby for my newborn daughter, tender and safe', expect: { valence: 'positive', arousal: 'low', tempo: [40, 85] } },
  { category: 'feelings', text: 'triumphant, like we finally won', expect: { valence: 'positive', arousal: 'high', mode: ['major', 'lydian', 'mixolydian'] } },
  { category: 'feelings', text: 'heartbroken after the breakup', expect: { valence: 'negative', mode: ['minor', 'dorian', 'phrygian', 'harmonic minor'] } },
  { category: 'feelings', text: 'peaceful, like a still lake at dawn', expect: { valence: 'positive', arousal: 'low', chords: 'arpeggio' } },
  { category: 'feelings', text: "I'm exhausted and numb", expect: { valence: 'negative', arousal: 'low' } },
  { category: 'feelings', text: "overjoyed, I can't stop smiling", expect: { valence: 'positive', arousal: 'high' } },
  { category: 'feelings', text: 'nervous about the first day at a new school', expect: { valence: 'negative', arousal: 'high' } },
  { category: 'negation and mixed', text: 'I am not happy', expect: { valence: 'negative' } },
  { category: 'negation and mixed', text: "I'm not sad anymore, I feel free", expect: { valence: 'positive' } },
  { category: 'negation and mixed', text: 'I never felt calm in that house', expect: { arousal: 'high' } },
  { category: 'negation and mixed', text: 'sad but hopeful', expect: { valence: 'positive' } },
  { category: 'negation and mixed', text: 'very angry', expect: { valence: 'negative', arousal: 'high' } },
  { category: 'imagery', text: 'rain on the window of an empty room', expect: { valence: 'negative', arousal: 'low' } },
  { category: 'imagery', text: 'a summer road trip with friends, windows down', expect: { valence: 'positive', arousal: 'high' } },
  { category: 'imagery', text: 'sunrise over the ocean', expect: { valence: 'positive' } },
  { category: 'imagery', text: 'a storm, thunder and lightning', expect: { arousal: 'high' } },
  { category: 'explicit', text: 'a song in D minor', expect: { key: 'D', mode: ['minor'] } },
  { category: 'explicit', text: 'something tender in F# minor at 72 bpm', expect: { key: 'F#', mode: ['minor'], tempo: [72, 72] } },
  { category: 'explicit', text: 'happy, in Bb, tempo 120', expect: { key: 'Bb', tempo: [120, 120] } },
  { category: 'explicit', text: 'E flat major, slow', expect: { key: 'Eb', mode: ['major'], tempo: [40, 76] } },
  { category: 'explicit', text: 'a waltz for my grandmother', expect: { meter: '3/4' } },
  { category: 'explicit', text: 'in 6/8, a little wistful', expect: { meter: '6/8' } },
  { category: 'explicit', text: 'a dorian groove in A', expect: { key: 'A', mode: ['dorian'] } },
  { category: 'explicit', text: 'a minor pentatonic riff, angry', expect: { mode: ['minor pentatonic'] } },
  { category: 'explicit', text: 'a jazzy tune, no drums', expect: { style: 'jazz', drums: false } },
  { category: 'explicit', text: 'a folk song with a bridge and no intro', expect: { hasSection: 'bridge', lacksSection: 'intro' } },
  { category: 'explicit', text: 'in C sharp minor, 100 bpm', expect: { key: 'C#', mode: ['minor'], tempo: [100, 100] } },
  { category: 'explicit', text: 'key of Ab, 5/4, restless', expect: { key: 'Ab', meter: '5/4' } },
  { category: 'explicit', text: 'at 90, in the key of G, a march', expect: { key: 'G', tempo: [90, 90], meter: '2/4' } },
  { category: 'negation and mixed', text: 'not happy at all', expect: { valence: 'negative' } },
  { category: 'negation and mixed', text: 'I am not very sad about it', expect: { valence: 'negative' } },
  { category: 'explicit', text: 'a song in F', expect: { key: 'F', mode: ['major'] } },
  { category: 'explicit', text: 'something gentle in Bb', expect: { key: 'Bb', mode: ['major'] } },
  { category: 'explicit', text: 'a tune in F#', expect: { key: 'F#', mode: ['major'] } },
  { category: 'explicit', text: 'a happy tune with swing', expect: { feel: 'swing' } },
  { category: 'explicit', text: 'swung, late at night', expect: { feel: 'swing' } },
  { category: 'explicit', text: 'use a guitar instead of piano', expect: { instruments: ['acoustic guitar'], noInstruments: ['piano'] } },
  { category: 'explicit', text: 'guitar and violin', expect: { instruments: ['acoustic guitar', 'strings'] } },
  { category: 'explicit', text: 'acoustic guitar and piano', expect: { instruments: ['acoustic guitar', 'piano'] } },
];

const BRIGHT = 'a warm, hopeful song in C major at 96 bpm';
const DARK = 'a sad, quiet song in A minor at 80 bpm';
const NAMED_MINOR = 'a sad song in F# minor';

export const REVISIONS: readonly RevisionFixture[] = [
  { category: 'tempo', start: BRIGHT, request: 'slower', expect: { tempo: 'down', unchanged: ['key', 'mode', 'meter', 'sections', 'instruments'] } },
  { category: 'tempo', start: BRIGHT, request: 'much slower', expect: { tempo: 'down' } },
  { category: 'tempo', start: DARK, request: 'faster', expect: { tempo: 'up', unchanged: ['key', 'meter', 'sections'] } },
  { category: 'tempo', start: BRIGHT, request: 'slow it down a bit', expect: { tempo: 'down' } },
  { category: 'tempo', start: DARK, request: 'speed it up', expect: { tempo: 'up' } },
  { category: 'tempo', start: BRIGHT, request: 'tempo 72', expect: { tempo: 72 } },
  { category: 'mood', start: BRIGHT, request: 'sadder', expect: { valence: 'down', unchanged: ['key', 'meter', 'instruments'] } },
  { category: 'mood', start: DARK, request: 'happier', expect: { valence: 'up' } },
  { category: 'mood', start: BRIGHT, request: 'darker', expect: { valence: 'down', unchanged: ['key', 'meter'] } },
  { category: 'mood', start: DARK, request: 'brighter', expect: { valence: 'up' } },
  { category: 'mood', start: BRIGHT, request: 'calmer', expect: { arousal: 'down' } },
  { category: 'mood', start: DARK, request: 'more energy', expect: { arousal: 'up' } },
  { category: 'arrangement', start: BRIGHT, request: 'simpler drums', expect: { drums: 'sparser', unchanged: ['key', 'mode', 'tempo'] } },
  { category: 'arrangement', start: BRIGHT, request: 'busier drums', expect: { drums: 'busier' } },
  { category: 'arrangement', start: BRIGHT, request: 'no drums', expect: { drums: 'off', unchanged: ['key', 'mode', 'tempo', 'sections'] } },
  { category: 'arrangement', start: BRIGHT, request: 'take out the drums', expect: { drums: 'off' } },
  { category: 'mood', start: DARK, request: 'make it more hopeful', expect: { valence: 'up' } },
  { category: 'key and meter', start: BRIGHT, request: 'put it in G', expect: { key: 'G', unchanged: ['tempo', 'meter'] } },
  { category: 'arrangement', start: BRIGHT, request: 'sparser melody', expect: { melody: 'sparser' } },
  { category: 'arrangement', start: DARK, request: 'busier melody', expect: { melody: 'busier' } },
  { category: 'arrangement', start: BRIGHT, request: 'higher', expect: { melody: 'higher' } },
  { category: 'arrangement', start: BRIGHT, request: 'lower', expect: { melody: 'lower' } },
  { category: 'arrangement', start: BRIGHT, request: 'more swing', expect: { swing: 'up' } },
  { category: 'arrangement', start: DARK, request: 'on piano', expect: { instrument: 'piano' } },
  { category: 'key and meter', start: BRIGHT, request: 'in E minor', expect: { key: 'E', mode: ['minor'], unchanged: ['tempo', 'meter', 'sections'] } },
  { category: 'key and meter', start: BRIGHT, request: 'in 3/4', expect: { meter: '3/4', unchanged: ['key', 'mode', 'tempo'] } },
  { category: 'form', start: BRIGHT, request: 'add a bridge', expect: { hasSection: 'bridge', unchanged: ['key', 'mode', 'tempo'] } },
  { category: 'form', start: BRIGHT, request: 'remove the intro', expect: { lacksSection: 'intro' } },
  { category: 'form', start: BRIGHT, request: 'chorus twice as long', expect: { longer: 'chorus' } },
  { category: 'form', start: DARK, request: 'longer verse', expect: { longer: 'verse' } },
  { category: 'form', start: DARK, request: 'the chorus should feel like relief', expect: { lifts: 'chorus' } },
  { category: 'too X', start: BRIGHT, request: 'too fast', expect: { tempo: 'down', unchanged: ['key', 'mode', 'meter', 'sections'] } },
  { category: 'too X', start: BRIGHT, request: "it's too fast", expect: { tempo: 'down' } },
  { category: 'too X', start: BRIGHT, request: 'not so fast', expect: { tempo: 'down' } },
  { category: 'too X', start: DARK, request: 'it is too slow', expect: { tempo: 'up' } },
  { category: 'too X', start: BRIGHT, request: 'too loud', expect: { dynamics: 'down' } },
  { category: 'too X', start: DARK, request: 'too quiet', expect: { dynamics: 'up' } },
  { category: 'too X', start: BRIGHT, request: 'too busy', expect: { drums: 'sparser', melody: 'sparser' } },
  { category: 'too X', start: BRIGHT, request: 'a bit less busy', expect: { drums: 'sparser' } },
  { category: 'too X', start: DARK, request: 'too dark', expect: { valence: 'up' } },
  { category: 'too X', start: BRIGHT, request: 'too bright', expect: { valence: 'down' } },
  { category: 'too X', start: BRIGHT, request: 'way too long', expect: { bars: 'fewer' } },
  { category: 'tempo', start: DARK, request: 'twice as fast', expect: { tempo: 160 } },
  { category: 'tempo', start: BRIGHT, request: 'half the tempo', expect: { tempo: 48 } },
  { category: 'tempo', start: BRIGHT, request: 'half as fast', expect: { tempo: 48 } },
  { category: 'arrangement', start: DARK, request: 'fuller', expect: { drums: 'busier', melody: 'busier' } },
  { category: 'arrangement', start: BRIGHT, request: 'more space', expect: { drums: 'sparser', melody: 'sparser' } },
  { category: 'form', start: BRIGHT, request: 'shorter', expect: { bars: 'fewer' } },
  { category: 'mood', start: BRIGHT, request: 'angrier', expect: { valence: 'down', arousal: 'up' } },
  { category: 'mood', start: BRIGHT, request: 'warmer sound', expect: { valence: 'up', unrecognised: false } },
  { category: 'mood', start: NAMED_MINOR, request: 'darker', expect: { valence: 'down', key: 'F#', mode: ['minor'] } },
  { category: 'mood', start: NAMED_MINOR, request: 'brighter', expect: { valence: 'up', key: 'F#', mode: ['minor'] } },
  { category: 'unrecognised', start: BRIGHT, request: 'more reverb on the vocals please', expect: { unrecognised: true, unchanged: ['key', 'mode', 'tempo', 'sections', 'drums', 'melody'] } },
];
