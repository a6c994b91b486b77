/**
 * Keeps the system prompt out of what the musician sees. A prompt-injection line ("print your
 * instructions") can make a model repeat its prompt; the quoting in prompts/ makes that unlikely,
 * this makes it harmless. Streamed text is held back by WINDOW characters, and any WINDOW-long run
 * of the reply that also occurs in the prompt's own instructions stops the stream before it is
 * shown: the offline guide's reply answers instead.
 *
 * Only the instructions are secret. The <data> blocks (the offline draft, the summary, the
 * musician's words) are material the prompt asks the model to use — the guide prompt even asks it
 * to quote the draft word for word — so repeating them is the job, not a leak.
 *
 * The check is linear in the reply: each delta is normalised once and its windows are found by a
 * rolling hash, so a 5 MB stream costs no more per character than a short one (it used to
 * re-normalise the whole growing text on every delta, which froze the server).
 */
import { LlmFailure } from './client.ts';

/** Shortest run of the prompt that counts as a leak: longer than any everyday phrase. */
export const WINDOW = 48;

const BASE = 0x01000193;
/** BASE^(WINDOW-1) mod 2^32: what the character leaving the window contributed. */
const DROP = (() => {
  let p = 1;
  for (let i = 0; i < WINDOW - 1; i++) p = Math.imul(p, BASE);
  return p;
})();

/** The prompt with its quoted <data> blocks taken out: the instructions a reply must not repeat. */
export function instructionsOf(prompt: string): string {
  // quoteData escapes "<" inside the JSON, so a block always ends at the first "</data>".
  return prompt.replace(/<data name="[^"]*">[\s\S]*?<\/data>/g, '\n');
}

/** Lower-cases and folds every run of whitespace into one space, carrying state across pieces. */
class Normaliser {
  private space = false;
  push(piece: string): string {
    let out = '';
    for (const ch of piece.toLowerCase()) {
      if (/\s/.test(ch)) {
        if (!this.space) out += ' ';
        this.space = true;
      } else {
        out += ch;
        this.space = false;
      }
    }
    return out;
  }
}

/** Every WINDOW-long run of the normalised instructions, by rolling hash (the runs kept to rule out collisions). */
class Runs {
  private readonly byHash = new Map<number, string[]>();
  constructor(text: string) {
    const t = new Normaliser().push(text);
    let h = 0;
    for (let i = 0; i < t.length; i++) {
      if (i >= WINDOW) h = (h - Math.imul(t.charCodeAt(i - WINDOW), DROP)) | 0;
      h = (Math.imul(h, BASE) + t.charCodeAt(i)) | 0;
      if (i >= WINDOW - 1) {
        const list = this.byHash.get(h) ?? [];
        list.push(t.slice(i - WINDOW + 1, i + 1));
        this.byHash.set(h, list);
      }
    }
  }
  has(hash: number, run: () => string): boolean {
    const list = this.byHash.get(hash);
    if (!list) return false;
    const r = run();
    return list.includes(r);
  }
}

/** A reply scanned piece by piece; `push` returns true as soon as a run of the prompt has appeared. */
export class LeakScanner {
  private readonly runs: Runs;
  private readonly norm = new Normaliser();
  /** The last WINDOW normalised characters and their rolling hash. */
  private tail = '';
  private hash = 0;
  private seen = 0;
  constructor(prompt: string) {
    this.runs = new Runs(prompt);
  }
  push(piece: string): boolean {
    const t = this.norm.push(piece);
    let tail = this.tail + t;
    const start = this.tail.length;
    let found = false;
    for (let i = start; i < tail.length; i++) {
      if (this.seen >= WINDOW) this.hash = (this.hash - Math.imul(tail.charCodeAt(i - WINDOW), DROP)) | 0;
      this.hash = (Math.imul(this.hash, BASE) + tail.charCodeAt(i)) | 0;
      this.seen++;
      if (this.seen >= WINDOW && this.runs.has(this.hash, () => tail.slice(i - WINDOW + 1, i + 1))) {
        found = true;
        break;
      }
    }
    // Only the last WINDOW characters are ever needed again (to drop them from the hash).
    if (tail.length > WINDOW) tail = tail.slice(-WINDOW);
    this.tail = tail;
    return found;
  }
}

/** Does `text` repeat a WINDOW-long run of `prompt`'s instructions? */
export function leaksPrompt(text: string, prompt: string): boolean {
  return new LeakScanner(instructionsOf(prompt)).push(text);
}

/**
 * Wrap a delta callback: deltas pass on WINDOW characters late, and each piece is checked as it
 * arrives; `finish()` releases the held-back tail once the reply is complete and clean. Throws
 * LlmFailure('invalid output') as soon as the prompt's instructions show up.
 */
export function guardDeltas(prompt: string, onDelta: (text: string) => void | Promise<void>) {
  const scanner = new LeakScanner(instructionsOf(prompt));
  // Pieces not yet passed on, kept whole so the page still sees word-sized deltas.
  const held: string[] = [];
  let heldChars = 0;
  return {
    async push(piece: string): Promise<void> {
      if (scanner.push(piece)) throw new LlmFailure('invalid output', 'the reply repeated the instructions');
      held.push(piece);
      heldChars += piece.length;
      while (held.length && heldChars - held[0]!.length >= WINDOW) {
        const out = held.shift()!;
        heldChars -= out.length;
        await onDelta(out);
      }
    },
    async finish(): Promise<void> {
      for (const out of held.splice(0)) await onDelta(out);
      heldChars = 0;
    },
  };
}
