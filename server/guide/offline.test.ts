import { describe, expect, it } from 'vitest';
import { guideStep, type GuideStep } from './offline.ts';
import { parseState, type GuideState } from './state.ts';
import { offlineSummary } from './summary.ts';
import { guideText } from './text.ts';
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
  "It's about the quiet after the move.",
  'Tender and a little hopeful, a tight chest',
  "You're not alone",
  'Boxes in the hallway, rain on the window',
  'For my sister',
  'skip',
];

describe('offline guide', () => {
  it('asks one question at a time about what is still missing and reflects the musician\'s own words', () => {
    const steps = talk(...ANSWERS);
    expect(steps.map((s) => s.state.stage)).toEqual(['feeling', 'message', 'images', 'audience', 'references', 'intention']);
    expect(steps[0]!.reply).toContain('“the quiet after the move”');
    for (const s of steps.slice(0, 4)) expect(s.reply.match(/\?/g)?.length).toBe(1);
    expect(steps[0]!.suggestions).toEqual(["I don't know", 'skip', 'just make something']);
  });

  it('says plainly on its first reply, and only then, that it is an AI companion and not a therapist', () => {
    const steps = talk(...ANSWERS);
    expect(steps[0]!.preface).toMatch(/AI songwriting companion/);
    expect(steps[0]!.preface).toMatch(/not a therapist/);
    expect(steps[0]!.preface).toMatch(/not a substitute for care/);
    expect(steps.slice(1).every((s) => s.preface === '')).toBe(true);
  });

  it('proposes an intention from their words, then confirms it on "yes" and asks for the first sketch', () => {
    const steps = talk(...ANSWERS, 'yes');
    const proposal = steps[5]!;
    expect(proposal.step).toBe('propose');
    expect(proposal.proposedIntention).toBe("A song for my sister about the quiet after the move, tender and a little hopeful — that you're not alone.");
    expect(proposal.reply).toContain(proposal.proposedIntention!);
    expect(steps[6]!.action).toEqual({ kind: 'sketch', intention: proposal.proposedIntention, confirmed: true });
    expect(steps[6]!.state.stage).toBe('listening');
    expect(steps[6]!.listen).not.toBe('');
  });

  it('keeps their own sentence of the intention exactly as they wrote it', () => {
    const steps = talk(...ANSWERS, 'A song for my sister about missing the old kitchen');
    expect(steps[6]!.action).toEqual({ kind: 'sketch', intention: 'A song for my sister about missing the old kitchen', confirmed: true });
  });

  it.each(['almost, but the wording is muddled', 'not quite', 'yes, but the feeling is wrong', 'no'])('never stores %j as the intention: it asks what to change', (reply) => {
    const steps = talk(...ANSWERS, reply);
    const last = steps.at(-1)!;
    expect(last.action).toEqual({ kind: 'ask' });
    expect(last.step).toBe('ask:change');
    expect(last.state.stage).toBe('intention');
    expect(last.reply).toMatch(/\?|change|differently|rework/i);
  });

  it('reads "I told you about it, it\'s for my grandmother" as who it is for, never as a splice', () => {
    const steps = talk('my grandmother', 'sad and tired', "You're not alone", 'the kitchen', 'skip', 'skip', "I told you about it, it's for my grandmother", 'yes');
    const intention = (steps.at(-1)!.action as { intention: string }).intention;
    expect(intention).not.toMatch(/I told you|for I/);
    expect(intention).toMatch(/^A song for my grandmother\b/);
  });

  it('offers three concrete examples when they do not know, in a fresh line each time, then moves on', () => {
    const steps = talk("I don't know", 'not sure', 'no idea');
    expect(steps[0]!.step).toBe('options:about');
    const examples = guideText('en').stages.about.examples;
    expect(examples.filter((e) => steps[0]!.reply.includes(e)).length).toBe(3);
    expect(steps[1]!.reply).not.toBe(steps[0]!.reply);
    expect(steps[1]!.step).toBe('options:about');
    expect(steps[2]!.state.stage).toBe('feeling');
  });

  it('gives a one-word answer a gentle follow-up once, then moves on', () => {
    const steps = talk('Mum', 'she moved into a care home last spring');
    expect(steps[0]!.step).toBe('follow:about');
    expect(steps[0]!.reply).toContain('Mum');
    expect(steps[0]!.state.stage).toBe('about');
    expect(steps[1]!.state.stage).toBe('feeling');
    expect(steps[1]!.state.answers.about).toBe('Mum, she moved into a care home last spring');
  });

  it('meets frustration with a short acknowledgement and an offer to play, not an echo', () => {
    const steps = talk('the move', 'this is pointless', 'yes');
    expect(steps[1]!.step).toBe('frustration');
    expect(steps[1]!.reply).not.toMatch(/pointless/i);
    expect(steps[1]!.reply).toMatch(/play you/i);
    expect(steps[2]!.action.kind).toBe('sketch');
  });

  it('goes back to questions when they would rather keep talking', () => {
    const steps = talk('this is pointless', "no, let's keep talking");
    expect(steps[1]!.action.kind).toBe('ask');
    expect(steps[1]!.state.offered).toBe(false);
  });

  it('makes a sketch whenever they ask for one', () => {
    for (const ask of ['just play something', 'just make something sad in D minor', 'play me something']) {
      const [step] = talk(ask);
      expect(step!.action.kind, ask).toBe('sketch');
      expect(step!.state.stage).toBe('listening');
    }
    expect(talk('the move', 'sad', 'just give me a sketch')[2]!.action.kind).toBe('sketch');
  });

  it('hears several topics in one answer and never asks about them again', () => {
    const steps = talk("It's about my brother's wedding, for him and his wife; I feel proud and a bit nervous", 'thank you', 'the garden at dusk');
    const asked = steps.map((s) => s.step);
    expect(asked[0]).toBe('propose');
    expect(steps[0]!.state.answers).toMatchObject({ about: expect.stringContaining("my brother's wedding"), feeling: expect.stringContaining('proud') });
    expect(steps.map((s) => s.reply).join(' ')).not.toContain(guideText('en').stages.feeling.question);
  });

  it('proposes at once, and sketches on the second turn, for someone who says everything up front', () => {
    const steps = talk("I want to write a song for my daughter about the day she left for university. I feel proud but sad, and I want her to know home is always here.", 'yes');
    expect(steps[0]!.step).toBe('propose');
    expect(steps[0]!.proposedIntention).toBe('A song for my daughter about the day she left for university, proud but sad — that home is always here.');
    expect(steps[1]!.action.kind).toBe('sketch');
  });

  it('skips a stage on "skip"', () => {
    const steps = talk('skip');
    expect(steps[0]!.state.stage).toBe('feeling');
    expect(steps[0]!.state.answers.about).toBeUndefined();
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
    expect(parseState({ stage: 'nonsense', answers: 7, used: 'x' }).stage).toBe('about');
    expect(parseState(null).answers).toEqual({});
    expect(parseState({ used: 3 }).used).toEqual([]);
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

  it('turns a clause into "about how …" rather than splicing it after "about"', () => {
    expect(proposeIntention({ about: 'she moved into a care home last spring', audience: 'Mum' })).toBe('A song for Mum about how she moved into a care home last spring.');
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
    expect(offlineSummary(state, null)).toContain('“my sister”');
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
