/** The musician's own intention wins over the guide's proposal; the summary carries the current one. */
import { describe, expect, it } from 'vitest';
import { intentionAfterCorrection, intentionForSketch, summaryWithIntention } from './edited.ts';
import { parseState } from './state.ts';
import { proposeIntention } from './words.ts';

const answers = { about: "It's about the quiet after the move", audience: 'for my sister' };
const before = parseState({ stage: 'intention', answers, proposedIntention: proposeIntention(answers) });
const mine = { text: 'A song about the blue tin of letters', confirmed: true };

describe('intentionForSketch', () => {
  it('keeps the card edit when the musician says yes to the proposal', () => {
    expect(intentionForSketch(before, { intention: before.proposedIntention, confirmed: true }, mine)).toEqual({ ...mine, store: false });
  });
  it('keeps the card edit for "just make something" before any proposal', () => {
    const early = parseState({ stage: 'feeling', answers });
    expect(intentionForSketch(early, { intention: proposeIntention(answers), confirmed: false }, mine)).toEqual({ ...mine, store: false });
  });
  it('answers a proposal made after the edit with that proposal', () => {
    const edited = { ...mine, createdAt: '2026-01-01T10:00:00.000Z' };
    const proposal = before.proposedIntention!;
    expect(intentionForSketch(before, { intention: proposal, confirmed: true }, edited, 'yes', '2026-01-01T10:05:00.000Z')).toEqual({ text: proposal, confirmed: true, store: true });
    expect(intentionForSketch(before, { intention: proposal, confirmed: true }, edited, 'yes', '2026-01-01T09:55:00.000Z')).toMatchObject({ text: mine.text, store: false });
  });
  it('stores words typed in the chat, which are newer than the card', () => {
    expect(intentionForSketch(before, { intention: 'A song about the last night', confirmed: true }, mine)).toEqual({ text: 'A song about the last night', confirmed: true, store: true });
  });
  it('treats a "yes" or "just make something" as taking up the card edit, whatever the action carries', () => {
    expect(intentionForSketch(before, { intention: 'something the guide composed', confirmed: true }, mine, 'yes')).toMatchObject({ text: mine.text, store: false });
    expect(intentionForSketch(before, { intention: 'something the guide composed', confirmed: false }, mine, 'just make something')).toMatchObject({ text: mine.text, store: false });
  });
  it('stores the proposal when nothing was agreed on the card', () => {
    const proposal = before.proposedIntention!;
    expect(intentionForSketch(before, { intention: proposal, confirmed: true }, null)).toEqual({ text: proposal, confirmed: true, store: true });
    expect(intentionForSketch(before, { intention: proposal, confirmed: true }, { text: 'draft', confirmed: false })).toMatchObject({ text: proposal, store: true });
  });
});

describe('intentionAfterCorrection', () => {
  const change = { stage: 'audience' as const, previous: 'for my sister', answer: 'for my mother', answers: { ...answers, audience: 'for my mother' } };
  it('rebuilds an intention the guide built from the old answers', () => {
    const built = { text: proposeIntention(answers), confirmed: true };
    expect(intentionAfterCorrection(built, change)).toEqual({ text: proposeIntention(change.answers), kept: false });
  });
  it('swaps only the changed phrase in their own wording, and otherwise leaves it alone', () => {
    expect(intentionAfterCorrection({ text: 'A song for my sister, and the blue tin', confirmed: true }, change)).toEqual({ text: 'A song for my mother, and the blue tin', kept: true });
    expect(intentionAfterCorrection(mine, change)).toBeNull();
  });
});

describe('summaryWithIntention', () => {
  it('replaces an older intention line, appends when there is none, and leaves a current one alone', () => {
    expect(summaryWithIntention('About: “x”.\nIntention: “old”.\nRecent: “y”.', 'new')).toBe('About: “x”.\nIntention: “new”.\nRecent: “y”.');
    expect(summaryWithIntention('The musician wants it slower.', 'new')).toBe('The musician wants it slower.\nIntention: “new”.');
    expect(summaryWithIntention('', 'new')).toBe('Intention: “new”.');
    const current = 'She wants “new” kept.';
    expect(summaryWithIntention(current, 'new')).toBe(current);
    expect(summaryWithIntention('About: “x”.', null)).toBe('About: “x”.');
  });
});
