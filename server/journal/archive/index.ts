/** Song export (zip with song.json, MIDI per version, journal.md) and import. */
export { exportSong, readSongFile } from './export.ts';
export { importSong, parseSongFile } from './import.ts';
export { ZIP_LIMITS, isSafeEntryName } from './unzip.ts';
export { SongFile, FORMAT, FORMAT_VERSION } from './format.ts';
