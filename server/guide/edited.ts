/**
 * The intention the musician wrote or edited by hand on the intention card (PUT /api/songs/:id/intention)
 * is theirs: the guide uses it. Two pure decisions, added by the trust work (issue 13 item 6):
 * which intention the first sketch is made for, and which one a changed answer leaves; and the running
 * summary's intention kept current.
 */
import { correctedIntention, type Changed } from './corrections.ts';
import type { GuideState } from './state.ts';
import { isJustMake, isShortcut, proposeIntention } from './words.ts';
import { guideText, type GuideText } from './text.ts';

export interface StoredIntention {
  text: string;
  confirmed: boolean;
  /** ISO time it was stored. */
  createdAt?: string;
}

/**
 * The intention the first sketch is made for, and whether it must be stored. Before the first
 * sketch only the card stores an agreed intention, so an agreed stored one is the musician's own:
 * it wins over the guide's proposal (their "yes" or "just make something" then means "make it") —
 * unless the guide proposed after the edit (`proposedAt`, ISO), when "yes" answers that proposal.
 * Words they typed in the chat at the intention stage are newer than any card edit, and win.
 * intentionForSketch(before, { intention: before.proposedIntention, confirmed: true }, { text: 'mine', confirmed: true }, 'yes')
 * → { text: 'mine', confirmed: true, store: false }.
 */
export function intentionForSketch(
  before: GuideState,
  action: { intention: string | null; confirmed: boolean },
  stored: StoredIntention | null,
  message = '',
  proposedAt: string | null = null,
): { text: string | null; confirmed: boolean; store: boolean } {
  // The guide's wording: its standing proposal, or what a "yes" / "skip" / "just make something" took up.
  const guides =
    action.intention === null ||
    action.intention === before.proposedIntention ||
    action.intention === (proposeIntention(before.answers, guideText(before.language ?? 'en')) || null) ||
    isShortcut(message) ||
    isJustMake(message);
  const editedSince = !proposedAt || !stored?.createdAt || Date.parse(stored.createdAt) > Date.parse(proposedAt);
  if (stored?.confirmed && guides && editedSince) return { text: stored.text, confirmed: true, store: false };
  if (action.intention === null) return { text: stored?.text ?? null, confirmed: stored?.confirmed ?? false, store: false };
  return { text: action.intention, confirmed: action.confirmed, store: true };
}

/** As the offline summary clips it (summary.ts), so the line reads the same whoever wrote it. */
const clip = (s: string, n: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

/**
 * The intention after a changed answer ("actually it's for my mother"): the guide's rebuild
 * (correctedIntention), except that the musician's own wording — anything the guide did not
 * build from the old answers — is never replaced by a proposal: it changes only where it quoted
 * the changed answer, and otherwise stays as they wrote it (null: no change).
 */
export function intentionAfterCorrection(current: StoredIntention | null, change: Changed, t: GuideText = guideText('en')): { text: string; kept: boolean } | null {
  const next = correctedIntention(current?.text ?? null, change, t);
  if (!current || !next || next.kept) return next;
  const builtByGuide = current.text === proposeIntention({ ...change.answers, [change.stage]: change.previous ?? undefined }, t);
  return builtByGuide ? next : null;
}

const INTENTION_LINE = /^Intention: “.*”\.$/mu;

/**
 * The running summary with the current intention in it, so a later turn (and the language model
 * reading the summary) sees the musician's edit rather than an older wording:
 * summaryWithIntention('About: “x”.\nIntention: “old”.', 'new') → 'About: “x”.\nIntention: “new”.'
 */
export function summaryWithIntention(summary: string, intention: string | null): string {
  if (!intention) return summary;
  const line = `Intention: “${clip(intention, 200)}”.`;
  if (summary.includes(line) || summary.includes(intention.trim())) return summary;
  if (INTENTION_LINE.test(summary)) return summary.replace(INTENTION_LINE, line);
  return summary ? `${summary}\n${line}` : line;
}
