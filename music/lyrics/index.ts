/**
 * Words in the engine: syllables and stress per language, lyric sheets (words.txt), and the bars
 * a line needs. Pure functions; the big resources (pronouncing dictionary, hyphenation patterns)
 * load on first use in Node and through loadLyricResources() in a browser.
 */
export { syllabify, syllablesOf, type LyricWord, type SungSyllable, type Syllabic } from './syllabify.ts';
export { parseLyricSheet, applyLyricSheet, formatLyricSheet, sectionKey, LyricSheetError, type LyricSheet, type SheetSection } from './sheet.ts';
export { detectLanguage, LYRIC_LANGUAGES, type LyricLanguage } from './language.ts';
export { lineBars, planLines, barsForLyrics, slotsPerBar, MAX_SECTION_BARS } from './phrase.ts';
export { loadLyricResources } from './resources.ts';
export type { Stress } from './stress.ts';
// What the engine does with the words before it sings them (sections grown, melody range and key for the voice).
export { singable, voiceRange, keyShiftFor, VOICE_RANGES } from '../melody/voice.ts';
