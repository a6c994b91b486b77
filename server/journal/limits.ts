/**
 * How much text one message and one note may hold (docs/API.md, "Limits"). No imports, so the web
 * app shows the same numbers its counter and refusal name.
 *
 * A message must hold a whole lyric sheet: most songs are 1,000–4,000 characters, the wordiest
 * rap verses about 8,000; 16,000 leaves room for notes around them. A note holds anything a
 * message cannot (the composer offers to keep an over-long paste as a note).
 */
export const MAX_MESSAGE_CHARS = 16_000;
export const MAX_NOTE_CHARS = 50_000;

/** "16,000": the limit as people read it (the API and the page name it the same way). */
export const formatLimit = (n: number): string => n.toLocaleString('en-US');
