/**
 * Run the music engine and the offline interpreter once, off the request path, right after the
 * server starts listening. Their first use pays for loading modules, compiling a few hundred
 * regular expressions and JIT-compiling the generator (~50–100 ms): the load bench saw the first
 * sketch and first revision of a quiet server as its slowest turns. A failure here is only logged;
 * the first real use reports it to the musician as usual.
 */
import { diff, generate } from './journal/engine.ts';
import { interpretOffline, reviseOffline } from './interpret/index.ts';
import { detectCrisis } from './safety/index.ts';
import { rhymeKind } from './lyrics/rhymes.ts';

/** The warm-up: interpret a short answer, make its sketch, revise it, diff the two. */
export async function warmUp(): Promise<void> {
  // The safety floor compiles its language packs (~1 s) on first use: pay that here, not on a musician's first turn.
  detectCrisis('warming up the safety floor');
  // The English rhyme index (CMU phones × spoken frequencies, ~1 s) is built on first use: here, not in the lyric editor.
  rhymeKind('home', 'alone', 'en');
  const first = interpretOffline('tender and a little hopeful, rain on the window, for my sister');
  const revised = reviseOffline(first.params, 'slower, and the chorus should feel like relief');
  const [a, b] = await Promise.all([generate(first.params, 1), generate(revised.params, 1)]);
  await diff({ params: first.params, sketch: a }, { params: revised.params, sketch: b });
}
