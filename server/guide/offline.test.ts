import { describe, expect, it } from 'vitest';
import { guideStep, type GuideStep } from './offline.ts';
import { parseState, type GuideState } from './state.ts';
import { offlineSummary } from './summary.ts';
import { keyPhrase, proposeIntention } from './words.ts';

/** Feed messages through the guide from a fresh state; returns every step. */
function talk(...messages: string[]): GuideStep[] {
  let state: GuideState = parseState({});
  return messages.map((m) => {
    const step = guideStep(state, m);
    state = step.state;
    return step;
  });
}

const ANSWERS = [
  "It's about the quiet after the move. The house is quiet now.",
  'Tender and a little hopeful, a tight chest',
  "You're not alone",
  'Boxes in the hallway, rain on the window',
  'For my sister',
  'skip',
];

describe('offline guide', () => {
  it('asks one question per stage in order and reflects the musician\'s own words', () => {
    const steps = talk(...ANSWERS);
    expect(steps.map((s) => s.state.stage)).toEqual(['feeling', 'message', 'images', 'audience', 'references', 'intention']);
    expect(steps[0]!.reply).toContain('“It\'s about the quiet after the move”');
    for (const s of steps.slice(0, 4)) expect(s.reply.match(/\?/g)?.length).toBe(1);
    expect(steps[0]!.suggestions).toEqual(["I don't know", 'skip', 'just make something']);
  });

  it('proposes an intention from their words, then confirms it on "yes" and asks for the first sketch', () => {
    const steps = talk(...ANSWERS, 'yes');
    const proposal = steps[5]!;
    expect(proposal.step).toBe('propose');
    expect(proposal.proposedIntention).toBe("A song for my sister about the quiet after the move, tender and a little hopeful — that you're not alone.");
    expect(proposal.reply).toContain(proposal.proposedIntention!);
    expect(steps[6]!.action).toEqual({ kind: 'sketch', intention: proposal.proposedIntention, confirmed: true });
    expect(steps[6]!.state.stage).toBe('listening');
  });

  it('keeps an edited intention exactly as the musician wrote it', () => {
    const steps = talk(...ANSWERS, 'A song for my sister about missing the old kitchen');
    expect(steps[6]!.action).toEqual({ kind: 'sketch', intention: 'A song for my sister about missing the old kitchen', confirmed: true });
  });

  it('offers gentle options when they do not know, without moving on', () => {
    const [step] = talk("I don't know");
    expect(step!.state.stage).toBe('about');
    expect(step!.step).toBe('options:about');
    expect(step!.suggestions).toContain('a place I miss');
  });

  it('skips a stage on "skip"', () => {
    const steps = talk('skip');
    expect(steps[0]!.state.stage).toBe('feeling');
    expect(steps[0]!.state.answers.about).toBeUndefined();
  });

  it('goes straight to a sketch on "just make something sad in D minor"', () => {
    const [step] = talk('just make something sad in D minor');
    expect(step!.action.kind).toBe('sketch');
    expect(step!.state.stage).toBe('listening');
  });

  it('lets them change an earlier answer and re-proposes with it', () => {
    const steps = talk(...ANSWERS, "actually it's for my dad");
    const last = steps.at(-1)!;
    expect(last.state.answers.audience).toBe("it's for my dad");
    expect(last.step).toBe('corrected');
    expect(last.proposedIntention).toMatch(/^A song for my dad about/);
  });

  it('treats messages after the first sketch as revisions, keeping the last few', () => {
    const steps = talk('just make something', 'slower', 'closer', 'add a bridge');
    expect(steps[1]!.action).toEqual({ kind: 'revise', request: 'slower' });
    expect(steps[2]!.action.kind).toBe('ask');
    expect(steps[3]!.state.requests).toEqual(['slower', 'add a bridge']);
  });

  it('resumes gently after a pause, without taking the message as an answer', () => {
    const paused = { ...parseState({ stage: 'images' }), paused: true };
    const step = guideStep(paused, "I'm okay now");
    expect(step.state.paused).toBe(false);
    expect(step.state.stage).toBe('images');
    expect(step.state.answers.images).toBeUndefined();
    expect(step.step).toBe('resume');
  });

  it('reads broken stored state as a fresh start', () => {
    expect(parseState({ stage: 'nonsense', answers: 7 }).stage).toBe('about');
    expect(parseState(null).answers).toEqual({});
  });
});

describe('words', () => {
  it('quotes the first clause, at most a dozen words', () => {
    expect(keyPhrase('Well, the house is quiet now. Everyone left.')).toBe('the house is quiet now');
    expect(keyPhrase('one two three four five six seven eight nine ten eleven twelve thirteen')).toMatch(/twelve…$/);
  });

  it('builds no intention when every stage was skipped', () => {
    expect(proposeIntention({})).toBe('');
  });

  it('does not say "a song about a song" when their answer already names the song', () => {
    expect(proposeIntention({ about: 'A song for my grandmother', feeling: 'tender' })).toBe('A song for my grandmother, tender.');
    expect(proposeIntention({ about: 'a song for my grandmother', audience: 'for my grandmother' })).toBe('A song for my grandmother.');
    expect(proposeIntention({ about: 'this song is about the sea', audience: 'my dad' })).toBe('A song for my dad about the sea.');
  });
});

describe('offline summary', () => {
  it('stays the same size however many requests pile up', () => {
    let state = talk(...ANSWERS, 'yes').at(-1)!.state;
    const sizes: number[] = [];
    for (let i = 0; i < 50; i++) {
      state = guideStep(state, `make it a bit slower, take ${i}`).state;
      sizes.push(offlineSummary(state, 'A song for my sister').length);
    }
    const later = sizes.slice(10);
    // Only the request numbers' digits differ once the five most recent requests are kept.
    expect(Math.max(...later) - Math.min(...later)).toBeLessThanOrEqual(10);
    expect(sizes.at(-1)!).toBeLessThan(1500);
    expect(offlineSummary(state, null)).toContain('“For my sister”');
  });
});

describe('the proposed intention', () => {
  it('keeps mixed feelings, names the person and carries the message', () => {
    const text = proposeIntention({
      about: "It's about my sister moving to another country, and the quiet house after she left.",
      feeling: 'Sad but also proud of her. It sits in my chest.',
      message: "That distance doesn't undo love.",
      audience: 'For her.',
    });
    expect(text).toBe("A song for my sister about my sister moving to another country, sad but also proud of her — that distance doesn't undo love.");
  });
});
