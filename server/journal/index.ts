/** The journal services: every read and write of songs, conversations, messages, intentions,
 *  versions and notes goes through these, each taking `(db: Database, …)`. */
export { createSong, listSongs, getSong, updateSong, deleteSong, DEFAULT_TITLE } from './songs.ts';
export { getSongDetail } from './detail.ts';
export { appendMessage, listMessages, messageRows, toMessage, type AppendMessageInput } from './messages.ts';
export { getConversation, updateConversation, type ConversationPatch } from './conversation.ts';
export { setIntention, currentIntention, type SetIntentionInput } from './intention.ts';
export { addNote, listNotes } from './notes.ts';
export { createVersion, listVersions, getVersion, latestVersion, latestParams, rateVersion, revertVersion, versionMidi, type CreateVersionInput } from './versions.ts';
export { saveTake, listTakes } from './takes.ts';
export { exportSong, importSong } from './archive/index.ts';
export * from './shapes.ts';
