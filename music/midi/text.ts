/**
 * Text in MIDI meta events (track names, markers, the title) as UTF-8, which DAWs read today.
 * The writer under @tonejs/midi stores one byte per UTF-16 code unit (so "ü" and "✨" would be
 * mangled) and the reader gives one character per byte; these two functions bridge both ways.
 */

/** "für" → a string whose character codes are the UTF-8 bytes of "für", ready for the writer. */
export function toMidiText(text: string): string {
  let bytes = '';
  for (const byte of new TextEncoder().encode(text)) bytes += String.fromCharCode(byte);
  return bytes;
}

/** The reverse of toMidiText; text that is not valid UTF-8 (older files in Latin-1) is kept as read. */
export function fromMidiText(read: string): string {
  const bytes = Uint8Array.from(read, (c) => c.charCodeAt(0));
  if (bytes.some((b, i) => b !== read.charCodeAt(i))) return read; // already decoded: chars above 255
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return read;
  }
}
