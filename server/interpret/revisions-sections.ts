/**
 * Revisions aimed at one section: "the chorus is too quiet", "the verse needs less energy", "make
 * the verse sadder", "a happier chorus". Without these the words after the section name were read
 * as a request for the whole song ("too quiet" → louder everywhere), so the part the musician did
 * not mention changed too. Each rule moves only the sections with that name: their energy and the
 * valence/arousal offsets that the engine reads as the song's emotional arc.
 */
import type { SongParameters } from '../../music/params.ts';
import { clamp, edit, round2, sectionName } from './edit.ts';
import { lookupWord } from './emotion.ts';
import type { RequestRule } from './request-types.ts';
import { feelSection } from './scope.ts';

export const SECTION = 'pre-?chorus|chorus|verse|bridge|intro|outro|solo|refrain|hook';

/** Words that say a section is too small (so it should grow) or too big (so it should shrink). */
const TOO_SMALL = 'quiet|soft|small|weak|thin|flat|timid|tame|gentle|subdued|low[-\\s]key|boring';
const TOO_BIG = 'loud|big|intense|busy|heavy|much|full|aggressive|harsh|overpowering|cluttered';
const ENERGY = 'energy|power|punch|drive|intensity|oomph|life|impact|push';
const HOW = String.raw`(?:a\s+(?:bit|little|tad)\s+|way\s+|much\s+|far\s+|kind\s+of\s+|kinda\s+)?`;

type Change = { params: SongParameters; label: string } | null;

/** Grow (+1) or shrink (−1) every section called `name`: energy ±0.2, arousal offset with it. */
function resize(p: SongParameters, name: string, direction: 1 | -1, why: string): Change {
  if (!p.sections.some((s) => s.name === name)) return null;
  const delta = 0.2 * direction;
  const params = edit(p, (d) => {
    for (const s of d.sections) {
      if (s.name !== name) continue;
      s.energy = round2(clamp(s.energy + delta, 0, 1));
      s.arousalOffset = round2(clamp(s.arousalOffset + delta * 0.75, -1, 1));
    }
  });
  const was = p.sections.find((s) => s.name === name)!.energy;
  const now = params.sections.find((s) => s.name === name)!.energy;
  return was === now ? null : { params, label: `${why}: ${name} energy ${was} → ${now}` };
}

/**
 * Move every section called `name` toward a feeling word ("sadder", "more hopeful"), as a direction
 * from neutral; `sign` −1 for "less …". The rest of the song keeps its mood.
 */
function colourSection(p: SongParameters, name: string, word: string, sign: 1 | -1): Change {
  const affect = lookupWord(word.toLowerCase());
  if (!affect || !p.sections.some((s) => s.name === name)) return null;
  const [valence, arousal] = [affect[0] * sign, affect[1] * sign];
  const params = edit(p, (d) => {
    for (const s of d.sections) {
      if (s.name !== name) continue;
      s.valenceOffset = round2(clamp(s.valenceOffset + 0.4 * valence, -1, 1));
      s.arousalOffset = round2(clamp(s.arousalOffset + 0.4 * arousal, -1, 1));
      s.energy = round2(clamp(s.energy + 0.15 * arousal, 0, 1));
      feelSection(s, valence, arousal);
    }
  });
  const before = p.sections.find((s) => s.name === name)!;
  const after = params.sections.find((s) => s.name === name)!;
  return {
    params,
    label: `${sign < 0 ? 'less ' : ''}${word.toLowerCase()} ${name}: valence offset ${before.valenceOffset} → ${after.valenceOffset}, arousal offset ${before.arousalOffset} → ${after.arousalOffset}`,
  };
}

export const SECTION_RULES: readonly RequestRule[] = [
  {
    // "the chorus is too quiet", "the verses feel a bit too busy", "the bridge sounds so flat"
    aspect: 'sections',
    pattern: new RegExp(String.raw`\b(?:the\s+)?(${SECTION})s?\s+(?:is|are|feels?|sounds?|seems?|gets?)\s+${HOW}(?:too|so|really|very|pretty|rather)\s+(${TOO_SMALL}|${TOO_BIG})\b`, 'giu'),
    apply: (m, p) => {
      const small = new RegExp(`^(?:${TOO_SMALL})$`, 'i').test(m[2]!);
      return resize(p, sectionName(m[1]!, p), small ? 1 : -1, `${sectionName(m[1]!, p)} too ${m[2]!.toLowerCase()}`);
    },
  },
  {
    // "the chorus needs more energy", "give the verse less punch", "more drive in the chorus"
    aspect: 'sections',
    pattern: new RegExp(
      String.raw`\b(?:(?:the\s+)?(${SECTION})s?\s+(?:needs?|could\s+use|wants?|should\s+have|has|have)\s+(?:a\s+(?:bit|lot)\s+|much\s+)?(more|less|too\s+much|too\s+little|no)\s+(?:${ENERGY})` +
        String.raw`|give\s+(?:the\s+)?(${SECTION})s?\s+(?:a\s+(?:bit|lot)\s+)?(more|less)\s+(?:${ENERGY})` +
        String.raw`|(more|less)\s+(?:${ENERGY})\s+(?:in|for|into|to)\s+(?:the\s+)?(${SECTION})s?)\b`,
      'giu',
    ),
    apply: (m, p) => {
      const name = sectionName(m[1] ?? m[3] ?? m[6] ?? '', p);
      const word = (m[2] ?? m[4] ?? m[5] ?? '').toLowerCase().replace(/\s+/g, ' ');
      const up = word === 'more' || word === 'too little' || word === 'no';
      return resize(p, name, up ? 1 : -1, `${up ? 'more' : 'less'} energy in the ${name}`);
    },
  },
  {
    // "make the verse sadder", "the chorus a bit happier", "a darker bridge", "a more hopeful chorus"
    aspect: 'sections',
    pattern: new RegExp(
      String.raw`\b(?:(?:make\s+)?(?:the\s+)?(${SECTION})s?\s+(?:should\s+be\s+|to\s+be\s+|could\s+be\s+)?${HOW}(?:(more|less)\s+)?([a-z]+er|[a-z]+)|(?:an?\s+)?(?:(more|less)\s+)?([a-z]+)\s+(${SECTION})s?)\b`,
      'giu',
    ),
    apply: (m, p) => {
      const name = sectionName(m[1] ?? m[6] ?? '', p);
      const word = m[3] ?? m[5] ?? '';
      const comparative = m[2] ?? m[4];
      // A bare word must be a comparative ("sadder"); "the chorus hopeful" is not a request.
      if (!comparative && !/er$/i.test(word)) return null;
      return colourSection(p, name, word, comparative?.toLowerCase() === 'less' ? -1 : 1);
    },
  },
];
