/**
 * Two ways a message means something other than its words say, read once every feeling word
 * has been found (emotion.ts):
 * - A reassurance beside bad news masks it: "Mir geht's gut. Wirklich. Hab ja nur die Diagnose
 *   bekommen.", "no pasa nada, solo me dejó por whatsapp 🙂 todo bien". It reads as strain,
 *   not as a lift. After a contrast ("it was awful, but now I'm fine") it is an arrival and
 *   counts as written.
 * - Praise in an ironic message (a sarcasm marker, an irony emoji) is sarcasm: "Ha ha, super, mon
 *   proprio augmente encore le loyer. Vive la vie. 🙃". It turns round, unless it comes after a
 *   contrast, where people say what they mean.
 * - Beside excitement, nerves are its energy: "so aufgeregt, dass ich nicht schlafen kann",
 *   "nervios y alegría a partes iguales" are bright and stirred up, not torn (JITTERS).
 * Pure: returns new hits, in the same order.
 */
import { IRONY, JITTERS, MASKING } from './modifiers.ts';
import type { Hit } from './emotion.ts';

const isBadNews = (h: Hit) => !h.reassurance && h.valence <= MASKING.badNews;

/** `hits` read through masking and irony; `ironic`: the message holds a sarcasm marker or an irony emoji. */
export function readThrough(hits: readonly Hit[], ironic: boolean): Hit[] {
  const bad = hits.filter(isBadNews);
  // "I'm fine. Totally fine.": a reassurance insisted on masks something, named or not.
  const insisted = hits.filter((h) => h.reassurance).length >= MASKING.insisted;
  // "It was awful, but now I'm fine" arrives; "no pasa nada, solo me dejó … todo bien" has the news after its turn too.
  const arrives = (h: Hit) => h.afterContrast && !bad.some((b) => b.afterContrast && b.sentence === h.sentence);
  const excited = !ironic && hits.some((h) => h.valence >= JITTERS.joy && h.arousal >= JITTERS.stirred);
  return hits.map((h) => {
    if (h.marker) return h;
    if (excited && h.valence < 0 && h.valence >= JITTERS.anxious && h.arousal >= JITTERS.stirred) return { ...h, valence: h.valence * JITTERS.keep };
    if ((bad.length || insisted) && h.reassurance && !arrives(h)) return { ...h, valence: MASKING.valence, weight: h.weight * MASKING.weight };
    if (ironic && !h.afterContrast && h.valence >= IRONY.praise) return { ...h, valence: IRONY.turn * h.valence };
    return h;
  });
}
