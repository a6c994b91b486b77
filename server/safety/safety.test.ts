import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { detectCrisis, normalise } from './index.ts';

const Corpus = z.object({ crisis: z.array(z.string()).min(30), ordinary: z.array(z.string()).min(30) });
const corpus = Corpus.parse(JSON.parse(readFileSync(new URL('./corpus.json', import.meta.url), 'utf8')));

// The first corpus (English, kept from the regex floor): every line still fires, none of the ordinary ones do.
describe('detectCrisis on the corpus', () => {
  const missed = corpus.crisis.filter((line) => !detectCrisis(line).crisis);
  const falseAlarms = corpus.ordinary.filter((line) => detectCrisis(line).crisis);
  const recall = (corpus.crisis.length - missed.length) / corpus.crisis.length;
  const fpr = falseAlarms.length / corpus.ordinary.length;
  console.log(
    `safety corpus: recall ${(recall * 100).toFixed(1)}% (${corpus.crisis.length - missed.length}/${corpus.crisis.length}), ` +
      `false-positive rate ${(fpr * 100).toFixed(1)}% (${falseAlarms.length}/${corpus.ordinary.length})`,
  );

  it('fires on every crisis line (recall 100%)', () => {
    expect(missed).toEqual([]);
  });
  it('never fires on songwriting idiom or dark subjects (false-positive rate 0)', () => {
    expect(falseAlarms).toEqual([]);
  });
});

describe('detectCrisis', () => {
  it.each([
    ['I want to die', 'wish-to-be-dead', 'concern'],
    ["I don't want to be here anymore", 'wish-to-be-dead', 'concern'],
    ['thinking of ending it all', 'ideation', 'concern'],
    ["I've been cutting myself", 'self-harm', 'concern'],
  ])('names the signal and severity for %j', (line, signal, severity) => {
    expect(detectCrisis(line)).toEqual({ crisis: true, severity, signals: [signal], language: 'en' });
  });

  it.each(['killing it', 'dying to hear it', 'this verse kills me', 'drop dead gorgeous', 'a song about a murder ballad', "I'd die for a better chorus", 'dead tired'])(
    'stays quiet on %j',
    (line) => {
      expect(detectCrisis(line)).toEqual({ crisis: false, severity: null, signals: [], language: null });
    },
  );

  it('reads curly apostrophes, missing apostrophes and shouting alike', () => {
    expect(normalise('I DON’T  want')).toBe("i don't want");
    expect(detectCrisis('I DONT WANT TO BE HERE ANYMORE').crisis).toBe(true);
  });

  it('still fires when the words sit inside ordinary song talk', () => {
    for (const line of corpus.crisis) {
      const wrapped = `Can we make the chorus bigger? ${line}. Anyway, D minor is fine.`;
      expect(detectCrisis(wrapped).crisis, wrapped).toBe(true);
    }
  });
  it('stays quiet on all the ordinary lines said together', () => {
    expect(detectCrisis(corpus.ordinary.join('. ')).crisis).toBe(false);
  });

  it('is deterministic: the same line always gives the same answer', () => {
    const line = 'I want to kill myself and I have been cutting myself';
    expect(detectCrisis(line)).toEqual(detectCrisis(line));
    expect(detectCrisis(line).signals).toEqual(['ideation', 'self-harm']);
  });
});
