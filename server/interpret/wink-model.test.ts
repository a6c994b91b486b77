import { isDeepStrictEqual } from 'node:util';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { describe, expect, it } from 'vitest';
import { readCoreModel, WINK_PIPE, winkModel } from './wink-model.ts';

describe('the faster wink core reader', () => {
  it('gives exactly the model the package itself gives', () => {
    const ours = readCoreModel() as unknown as Record<string, unknown>;
    const theirs = (model as unknown as { core: () => Record<string, unknown> }).core();
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    // Field by field, so a difference names its field (the whole model is too big to diff).
    for (const key of Object.keys(theirs)) expect(isDeepStrictEqual(ours[key], theirs[key]), key).toBe(true);
    expect(ours['lexicon']).toBeInstanceOf(Uint32Array);
  });

  it('reads English exactly as the package model does: lemmas, expansions, negation', () => {
    const text = "I can't sleep, the rain keeps falling and I'd rather not be lonelier. Feelings were running high!";
    const read = (m: typeof model, pipe?: string[]) => {
      const nlp = winkNLP(m, pipe);
      const tokens = nlp.readDoc(text).tokens();
      return [tokens.out(nlp.its.normal), tokens.out(nlp.its.lemma as never), tokens.out(nlp.its.negationFlag), tokens.out(nlp.its.uniqueId as never)];
    };
    expect(read(winkModel, WINK_PIPE)).toEqual(read(model));
  });

  it('splits sentences and marks negation as the whole package does, over the English mood statements', async () => {
    const { loadMoodSet } = await import('../../eval/mood/set.ts');
    const texts = [...loadMoodSet('statements'), ...loadMoodSet('held-out')].filter((s) => s.lang === 'en').map((s) => s.text);
    expect(texts.length).toBeGreaterThan(20);
    const read = (m: typeof model, pipe?: string[]) => {
      const nlp = winkNLP(m, pipe);
      return texts.map((text) => {
        const doc = nlp.readDoc(text);
        return [doc.sentences().out(), doc.tokens().out(nlp.its.lemma as never), doc.tokens().out(nlp.its.negationFlag), doc.tokens().out(nlp.its.type)];
      });
    };
    expect(read(winkModel, WINK_PIPE)).toEqual(read(model));
  });
});
