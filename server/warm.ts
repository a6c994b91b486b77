/**
 * Run the music engine and the offline interpreter once, off the request path, right after the
 * server starts listening. Their first use pays for loading modules, compiling a few hundred
 * regular expressions and JIT-compiling the generator (~50–100 ms): the load bench saw the first
 * sketch and first revision of a quiet server as its slowest turns. A failure here is only logged;
 * the first real use reports it to the musician as usual.
 *
 * The steps are synchronous work on the request thread (1–2 s in all on a busy machine), so the
 * warm-up hands the event loop back between them: a request that arrives while it warms (the
 * first health check, a musician opening the page) waits for one step at most, not for all of them.
 */

import warmup from '../cli/snapshot-warmup.json' with { type: 'json' };

/** Let pending I/O (accepted connections, requests) run before the next step. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The warm-up: interpret a short answer, make its sketch, revise it, diff the two. */
export async function warmUp(): Promise<void> {
  await yieldToRequests();
  // Loaded here, not by main.ts, so the server does not wait for these modules before it listens.
  const { detectCrisis } = await import('./safety/index.ts');
  await yieldToRequests();
  // The safety floor compiles its language packs (~1 s) on first use: pay that here, not on a musician's first turn.
  detectCrisis('warming up the safety floor');
  await yieldToRequests();
  const { rhymeKind } = await import('./lyrics/rhymes.ts');
  // The English rhyme index (CMU phones × spoken frequencies, ~1 s) is built on first use: here, not in the lyric editor.
  rhymeKind('home', 'alone', 'en');
  await yieldToRequests();
  const { interpretOffline, reviseOffline } = await import('./interpret/index.ts');
  const first = interpretOffline('tender and a little hopeful, rain on the window, for my sister');
  await yieldToRequests();
  const revised = reviseOffline(first.params, 'slower, and the chorus should feel like relief');
  await yieldToRequests();
  const { diff, generate } = await import('./journal/engine.ts');
  const [a, b] = await Promise.all([generate(first.params, 1), generate(revised.params, 1)]);
  await diff({ params: first.params, sketch: a }, { params: revised.params, sketch: b });
  // One line in each language the interpreter reads: its lexicon and stemmer load here, not on the
  // first German or Spanish turn. Their sketches bring the engine worker's JIT to its steady pace:
  // its first few sketches run several times slower than later ones, and the load bench saw them
  // as the slowest turns of a fresh server. The worker runs them; the request thread only interprets.
  for (const text of warmup.texts) {
    await yieldToRequests();
    const { params } = interpretOffline(text);
    for (const seed of [1, 2]) await generate(params, seed);
  }
}
