/** The pure music engine's public face: everything server/, cli/ and web/ use comes from here. */
export * from './params.ts';
export * from './sketch.ts';
export { ENGINE_VERSION } from './version.ts';
// MIDI export, MIDI analysis and version diffs.
export { sketchToMidi, type MidiExportOptions } from './midi/export.ts';
export { keySignatureFor, type KeySignature } from './midi/keySignature.ts';
export { analyzeMidi, MidiFileError } from './analyze/analyze.ts';
export { MidiAnalysis, TrackAnalysis, KeyCandidate } from './analyze/schema.ts';
export { diffVersions, diffSketches, measureSketch, type SongVersion, type SketchDiff, type SectionDelta, type PartDelta, type SketchStats, type SectionStats, type PartStats } from './diff.ts';
// The generator: SongParameters + seed → Sketch, and its shared vocabularies.
export { generateSketch } from './generate.ts';
export { GM_PROGRAMS, gmProgram } from './instruments.ts';
export { createRng, type Rng } from './rng.ts';
export { describeMode } from './theory/scale.ts';
// Notation (MusicXML lead sheet, ChordPro and text charts) and offline audio render (WAV).
export { sketchToMusicXml, type NotationOptions } from './notation/musicxml.ts';
export { sketchToChordPro } from './notation/chordpro.ts';
export { sketchToChordChart } from './notation/textChart.ts';
export { sketchToLeadSheet } from './notation/leadSheet.ts';
export { quantizeMelody, type GridNote } from './notation/quantize.ts';
export { scheduleSketch, renderSketch, type ScheduleResult } from './render/schedule.ts';
export { encodeWav, type PcmSource } from './render/wav.ts';
export { renderSeconds, songSeconds, tickSeconds, RELEASE_TAIL } from './render/timing.ts';
// The teaching layer: plain-words theory for a sketch (roman numerals, functions, cadences, meter) and its glossary.
export { explainSketch, explainChord, GLOSSARY, type TheorySection, type GlossaryEntry } from './teach/index.ts';
