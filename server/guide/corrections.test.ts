import { describe, expect, it } from 'vitest';
import { correctedIntention, correction } from './corrections.ts';
import { guideStep, type GuideStep } from './offline.ts';
import { parseState, type GuideState } from './state.ts';

const ANSWERS = [
  "It's about the quiet after the move.",
  'Sad and a little tired, a tight chest',
  "You're not alone",
  'Boxes in the hallway, rain on the window',
  'For my sister',
  'skip',
];

function talk(...messages: string[]): GuideStep[] {
  let state: GuideState = parseState({});
  return messages.map((m) => {
    const step = guideStep(state, m);
    state = step.state;
    return step;
  });
}

describe('recognising a changed answer', () => {
  it.each([
    ['actually I feel angry, not sad', 'feeling', 'I feel angry'],
    ["actually it's for my mother", 'audience', "it's for my mother"],
    ["it's for my mother, not my sister", 'audience', "it's for my mother"],
    ["I meant it's more about the old kitchen", 'about', "it's more about the old kitchen"],
    ["change the message to I'm still here", 'message', "I'm still here"],
    ['wait, the smell of rain on the road', 'images', 'the smell of rain on the road'],
  ])('reads %j as a change of the %s answer', (text, stage, kept) => {
    expect(correction(text, { afterSketch: true })).toEqual({ stage, text: kept });
  });

  it.each(['slower', 'add a bridge', 'actually make it slower', 'actually, in D minor', 'brighter, not darker', 'oh I love it', 'no drums'])(
    'leaves the revision request %j alone',
    (text) => expect(correction(text, { afterSketch: true })).toBeNull(),
  );

  it('needs a lead-in or a "not …" before the sketch, so ordinary answers stay answers', () => {
    expect(correction("It's about you not being alone")).toBeNull();
    expect(correction("It's about you not being alone", { afterSketch: true })?.stage).toBe('about');
  });
});

describe('changing an answer after the first sketch', () => {
  it('stores the new feeling, reflects it in their words and proposes the updated intention', () => {
    const last = talk(...ANSWERS, 'yes', 'actually I feel angry, not sad').at(-1)!;
    expect(last.state.stage).toBe('listening');
    expect(last.state.answers.feeling).toBe('I feel angry');
    expect(last.reply).toContain('“I feel angry”');
    expect(last.step).toBe('corrected:sketch');
    expect(last.action).toEqual({
      kind: 'correct',
      stage: 'feeling',
      answer: 'I feel angry',
      previous: 'Sad and a little tired, a tight chest',
      intention: "A song for my sister about the quiet after the move, angry — that you're not alone.",
    });
    expect(last.state.requests).toEqual([]);
  });

  it('changes the audience and keeps every other answer', () => {
    const steps = talk(...ANSWERS, 'yes', "actually it's for my mother");
    const last = steps.at(-1)!;
    expect(last.state.answers).toEqual({ ...steps[6]!.state.answers, audience: "it's for my mother" });
    expect(last.proposedIntention).toMatch(/^A song for my mother about the quiet after the move/);
  });

  it('still revises on "slower" and on "actually make it slower"', () => {
    const steps = talk(...ANSWERS, 'yes', 'slower', 'actually make it slower');
    expect(steps[7]!.action).toEqual({ kind: 'revise', request: 'slower' });
    expect(steps[8]!.action).toEqual({ kind: 'revise', request: 'actually make it slower' });
  });
});

describe('the intention after a change', () => {
  const change = { stage: 'audience' as const, previous: 'For my sister', answer: "it's for my mother", answers: { about: 'the kitchen', audience: "it's for my mother" } };

  it('keeps their own wording and swaps only the changed phrase', () => {
    expect(correctedIntention('A song for my sister about missing the old kitchen', change)).toEqual({
      text: 'A song for my mother about missing the old kitchen',
      kept: true,
    });
  });

  it('rebuilds an intention that was built from the old answers', () => {
    expect(correctedIntention('A song for my sister about the kitchen.', change)).toEqual({ text: 'A song for my mother about the kitchen.', kept: false });
  });
});
