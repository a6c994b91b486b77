/**
 * What a section does in the song, read from its name in the musician's words (English, German,
 * French, Spanish): the chorus carries the hook, the verse tells, the pre-chorus builds, the
 * bridge leaves. Names the engine does not know are 'other' and are played as written.
 */
export type Role = 'intro' | 'verse' | 'pre' | 'chorus' | 'bridge' | 'breakdown' | 'outro' | 'other';

const PATTERNS: readonly [Role, RegExp][] = [
  ['pre', /^(pre[- ]?chorus|pre[- ]?refrain|build|prérefrain|pre[- ]?estribillo|pont montant)/],
  ['chorus', /^(chorus|refrain|hook|drop|estribillo|coro|ritornello)/],
  ['verse', /^(verse|strophe|couplet|estrofa|verso|a\b|part)/],
  ['bridge', /^(bridge|middle|brücke|pont|puente|b\b)/],
  ['breakdown', /^(breakdown|interlude|zwischenspiel|interlude|interludio|solo)/],
  ['intro', /^(intro|einleitung|introducción)/],
  ['outro', /^(outro|coda|ending|schluss|final)/],
];

/** sectionRole('Chorus 2') → 'chorus'; sectionRole('Refrain') → 'chorus'; sectionRole('tag') → 'other'. */
export function sectionRole(name: string): Role {
  const n = name.trim().toLowerCase();
  for (const [role, re] of PATTERNS) if (re.test(n)) return role;
  return 'other';
}

/** Section names a musician may mention in words (en/de/fr/es), as whole words. */
const MENTION = /(?:^|[^\p{L}])(pre-?chorus|chorus(?:es)?|verses?|bridges?|refrains?|hook|intro|outro|strophen?|brücke|couplets?|pont|estribillos?|estrofas?|puente|coro)(?![\p{L}])/iu;

/**
 * Do these words speak of the song's sections? mentionsSection('louder in the last chorus') → true.
 * A musician who names sections expects the verse–chorus form those names belong to.
 */
export function mentionsSection(text: string): boolean {
  return MENTION.test(text);
}
