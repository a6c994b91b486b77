/**
 * Emoji as feelings, in every language (lang/emoji.json): "my cat 😭😭", "done with school 🎉".
 * A face, heart or sign is read as a word of the feelings table is; variation selectors and
 * skin tones are ignored, and a sequence the table lacks (a family, 🧑‍🍳) is read by its first
 * emoji, if that one is listed.
 */
import { z } from 'zod';
import type { Affect } from './lexicon.ts';
import { EMOJI } from './modifiers.ts';
import { langFile } from './lang-files.ts';

const EmojiFile = z.object({
  about: z.string(),
  emoji: z.record(z.string().min(1), z.tuple([z.number().min(-1).max(1), z.number().min(-1).max(1)])),
  /** Emoji that turn a message round (🙃, 🙄): praise beside one is sarcasm (emotion-masking.ts). */
  irony: z.array(z.string().min(1)).default([]),
});

/** Variation selector 16 and the five skin tones: the same feeling whatever they say. */
const DECORATION = /[\uFE0F\u{1F3FB}-\u{1F3FF}]/gu;
/** One emoji with its decorations, joined (ZWJ) to any that follow. */
const CLUSTER = /\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]*(?:\u200D\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]*)*/gu;

let table: { affect: ReadonlyMap<string, Affect>; irony: ReadonlySet<string> } | undefined;

function emojiTable(): NonNullable<typeof table> {
  if (!table) {
    const file = langFile('emoji.json', EmojiFile);
    table = {
      affect: new Map(Object.entries(file.emoji).map(([k, v]) => [k.replace(DECORATION, ''), v])),
      irony: new Set(file.irony.map((k) => k.replace(DECORATION, ''))),
    };
  }
  return table;
}

/** `irony`: the emoji says the message means the other way round (🙃). */
export interface EmojiFeeling { emoji: string; at: number; affect: Affect; weight: number; irony: boolean }

/** The emoji in `text` that carry a feeling, in order, each with its weight: emojiFeelings("yay 🎉") → [{ emoji: "🎉", at: 4, … }]. */
export function emojiFeelings(text: string): EmojiFeeling[] {
  const out: EmojiFeeling[] = [];
  // Cheap refusal: most messages hold no emoji at all.
  if (!/\p{Extended_Pictographic}/u.test(text)) return out;
  const seen = new Map<string, number>();
  const { affect: lookup, irony } = emojiTable();
  for (const m of text.matchAll(CLUSTER)) {
    const plain = m[0].replace(DECORATION, '');
    const key = lookup.has(plain) ? plain : plain.split('\u200D')[0]!;
    const affect = lookup.get(key);
    if (!affect) continue;
    const times = (seen.get(key) ?? 0) + 1;
    seen.set(key, times);
    if (times > EMOJI.repeats) continue;
    out.push({ emoji: m[0], at: m.index, affect, weight: EMOJI.weight, irony: irony.has(key) });
  }
  return out;
}
