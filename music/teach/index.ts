/** The teaching layer: plain-words theory for a sketch, and the glossary it points into. */
export { explainSketch, type TheorySection, type TheoryRow } from './explain.ts';
export { explainChord, cadenceOf, modeFamily, CADENCE_WORDS, type ChordExplanation, type ChordFunction, type CadenceKind } from './harmony.ts';
export { explainMode, MODE_COLOURS, type ModeExplanation } from './modes.ts';
export { METER_WORDS, FEEL_WORDS, tempoWords } from './meter.ts';
export { GLOSSARY, glossaryEntry, type GlossaryEntry } from './glossary.ts';
