/**
 * The layers of the crisis floor, one behaviour at a time: each C-SSRS category and danger from
 * others with its severity, in each language; negation; idiom guards; misspellings, contractions
 * and word order; third-person stories; and context across turns (in turn.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { crisisSignals, detectCrisis } from './index.ts';

const check = (line: string) => detectCrisis(line);

describe('categories and severities (English)', () => {
  it.each([
    ["I'd rather be dead", 'wish-to-be-dead', 'concern'],
    ['What is the point of living, I just want it all to stop for good', 'wish-to-be-dead', 'concern'],
    ['I keep thinking about killing myself', 'ideation', 'concern'],
    ["I'm going to kill myself", 'intent', 'high'],
    ["I'm going to end it tonight", 'intent', 'immediate'],
    ['I have a rope in the garage and I keep looking at it', 'method', 'high'],
    ["I've made my plan", 'plan', 'high'],
    ['I wrote my goodbye letters yesterday', 'preparatory', 'high'],
    ['I tried to kill myself last year', 'attempt', 'high'],
    ['I took a bunch of pills an hour ago', 'attempt-now', 'immediate'],
    ['I burn myself to feel something', 'self-harm', 'concern'],
    ["I can't take it anymore", 'hopelessness', 'concern'],
    ["My husband hits me and I'm scared he'll kill me tonight", 'domestic-violence', 'immediate'],
    ['my boyfriend choked me last night', 'domestic-violence', 'high'],
    ['my stepdad touches me and says not to tell', 'abuse', 'high'],
  ])('%j → %s (%s)', (line, category, severity) => {
    const c = check(line);
    expect(c.signals, JSON.stringify(crisisSignals(line))).toContain(category);
    expect(c.severity).toBe(severity);
  });
});

describe('every language pack, whatever language the session is in', () => {
  it.each([
    ['Ich will nicht mehr leben', 'de', 'wish-to-be-dead'],
    ['ich habe gestern meine Abschiedsbriefe geschrieben', 'de', 'preparatory'],
    ['mein Mann schlägt mich', 'de', 'domestic-violence'],
    ['Je veux mourir', 'fr', 'wish-to-be-dead'],
    ["j'ai pris une boîte de cachets il y a une heure", 'fr', 'attempt-now'],
    ['je me scarifie', 'fr', 'self-harm'],
    ['Quiero suicidarme', 'es', 'ideation'],
    ['tengo un plan', 'es', 'plan'],
    ['mi padre me pega cuando bebe', 'es', 'abuse'],
  ])('%j (%s) → %s', (line, language, category) => {
    const c = check(`Can we try the chorus in D minor? ${line}`);
    expect(c.crisis).toBe(true);
    expect(c.signals).toContain(category);
    expect(c.language).toBe(language);
  });
});

describe('negation', () => {
  // Decision (docs/SAFETY.md): negated words about acting get a gentle check-in, not an alarm —
  // someone who says "I'm not going to kill myself" has the thought in the room.
  it.each(["I'm not going to kill myself, I promise", 'I would never hurt myself', 'ich werde mich nicht umbringen', 'no me voy a matar'])(
    '%j gets a check-in, not an alarm',
    (line) => {
      expect(check(line)).toMatchObject({ crisis: true, severity: 'check-in' });
    },
  );
  it.each(["I don't want to die without finishing this album", 'ich will nicht sterben', 'je ne veux pas mourir sans finir ce disque', 'no quiero morir'])(
    '%j (not wishing to die) raises nothing',
    (line) => {
      expect(check(line).crisis).toBe(false);
    },
  );
  it('a negation in another clause does not cancel the words', () => {
    expect(check("I don't know, I just want to die").severity).toBe('concern');
    expect(check("I don't know why I want to die").severity).toBe('concern');
  });
});

describe('idiom guards', () => {
  it.each([
    'this song kills me', "I'm dying to hear it", 'a killer chorus', 'Ich sterbe vor Lachen', 'je meurs de faim', 'me muero de risa',
    'this bridge is killing me', "I've been killing myself over this chorus all week", 'my mum will kill me if I am late',
    'dieser Refrain bringt mich um', 'ce refrain me tue', 'esta canción me mata', 'mis padres me van a matar si llego tarde',
    'suicide squad soundtrack vibe', 'escuadrón suicida, esa vibra', 'my friend died by suicide and I want to write for him',
    'the hero jumps off the bridge to save the girl', 'I need to cut myself some slack', 'this riff hits me hard',
  ])('%j stays quiet', (line) => {
    expect(check(line), JSON.stringify(crisisSignals(line))).toMatchObject({ crisis: false });
  });
});

describe('the way people type', () => {
  it.each(['i wnat to die', 'i wanna kill myslef', 'thinking about sucide', 'im gonna end it all 2nite', 'I WANT TO DIIIIE', 'kms', 'i wanna unalive', 'ich möchte sterben', 'ich moechte sterben', 'ich will mich umbrigen', 'kiero matarme', 'quiero suisidarme', 'jveux mourir', 'je veu mourrir'])(
    '%j still fires',
    (line) => {
      expect(check(line).crisis, JSON.stringify(crisisSignals(line))).toBe(true);
    },
  );
  it('reads a word order other than the textbook one', () => {
    expect(check('pills, I took a whole box of them an hour ago').severity).toBe('immediate');
    expect(check('tonight I am going to kill myself').severity).toBe('immediate');
  });
  it("does not take someone else's story for the musician's", () => {
    expect(check('the narrator wants to die in the last verse').crisis).toBe(false);
    expect(check('er will sterben, sagt der Erzähler').crisis).toBe(false);
  });
});
