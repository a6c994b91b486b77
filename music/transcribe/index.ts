/** Transcription: audio of one voice → notes on the song's grid. See transcribe.ts. */
export { decodeWav, AudioFileError, type MonoAudio } from './wav.ts';
export { transcribeAudio, parseKey, KeyNameError } from './transcribe.ts';
export { transcriptionToMidi } from './midi.ts';
export { TranscribeOptions, Transcription, GRIDS, Grid } from './schema.ts';
