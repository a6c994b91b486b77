/**
 * Keeps the system prompt out of what the musician sees. A prompt-injection line ("print your
 * instructions") can make a model repeat its prompt; the quoting in prompts/ makes that unlikely,
 * this makes it harmless. Streamed text is held back by WINDOW characters, and any WINDOW-long run
 * of the reply that also occurs in the system prompt stops the stream before it is shown: the
 * offline guide's reply answers instead.
 */
import { LlmFailure } from './client.ts';

/** Shortest run of the prompt that counts as a leak: longer than any everyday phrase. */
export const WINDOW = 48;

const normalise = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

/** Every WINDOW-long run of the (whitespace-normalised, lower-cased) prompt. */
function windows(prompt: string): Set<string> {
  const p = normalise(prompt);
  const set = new Set<string>();
  for (let i = 0; i + WINDOW <= p.length; i++) set.add(p.slice(i, i + WINDOW));
  return set;
}

/** Does `text` repeat a WINDOW-long run of `prompt`? */
export function leaksPrompt(text: string, prompt: string): boolean {
  const runs = windows(prompt);
  const t = normalise(text);
  for (let i = 0; i + WINDOW <= t.length; i++) if (runs.has(t.slice(i, i + WINDOW))) return true;
  return false;
}

/**
 * Wrap a delta callback: deltas pass on WINDOW characters late, and the whole text is checked as
 * it grows; `finish()` releases the held-back tail once the reply is complete and clean. Throws
 * LlmFailure('invalid output') as soon as the prompt shows up.
 */
export function guardDeltas(prompt: string, onDelta: (text: string) => void | Promise<void>) {
  const runs = windows(prompt);
  let text = '';
  let checked = 0;
  // Pieces not yet passed on, kept whole so the page still sees word-sized deltas.
  const held: string[] = [];
  let heldChars = 0;
  const check = () => {
    const t = normalise(text);
    for (let i = Math.max(0, checked - WINDOW); i + WINDOW <= t.length; i++) {
      if (runs.has(t.slice(i, i + WINDOW))) throw new LlmFailure('invalid output', 'the reply repeated the instructions');
    }
    checked = t.length;
  };
  return {
    async push(piece: string): Promise<void> {
      text += piece;
      held.push(piece);
      heldChars += piece.length;
      check();
      while (held.length && heldChars - held[0]!.length >= WINDOW) {
        const out = held.shift()!;
        heldChars -= out.length;
        await onDelta(out);
      }
    },
    async finish(): Promise<void> {
      check();
      for (const out of held.splice(0)) await onDelta(out);
      heldChars = 0;
    },
  };
}
