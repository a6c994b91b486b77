/**
 * Reasons for each choice, tied to the musician's own words. Every reason the emotion drove quotes
 * the sentence that carried the most feeling; every explicit request quotes the request itself.
 */
import type { Reason, SongParameters } from '../../music/params.ts';
import type { EmotionDetail } from './emotion.ts';
import { compingWhy, instrumentWhy, modeFor, moodWords, pacing } from './mapping.ts';
import type { Applied } from './requests.ts';
import { styleChoices, styleLabel } from './rationale-style.ts';

const MAX_QUOTE = 200;
const clip = (s: string, n: number) => (s.length <= n ? s : s.slice(0, n - 1).trimEnd() + '…');

/** The sentence that carried the most feeling, as the musician wrote it. */
export function strongestSentence(detail: EmotionDetail): string | undefined {
  const score = new Map<number, number>();
  for (const h of detail.hits) score.set(h.sentence, (score.get(h.sentence) ?? 0) + h.weight * Math.hypot(h.valence, h.arousal));
  const best = [...score.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  const sentence = best ? detail.sentences[best[0]] : undefined;
  return sentence ? clip(sentence, MAX_QUOTE) : undefined;
}

const pace = (tempo: number) => (tempo < 76 ? 'slow' : tempo < 100 ? 'unhurried' : tempo < 124 ? 'moving' : 'quick');

/** Build the rationale for an interpretation; explicit aspects get "you asked" reasons instead. */
export function buildRationale(p: SongParameters, detail: EmotionDetail, applied: Applied[]): Reason[] {
  const asked = new Set(applied.map((a) => a.aspect));
  const quote = strongestSentence(detail);
  const feltWords = detail.hits.slice(0, 4).map((h) => `“${h.written}”`).join(', ');
  const mood = moodWords(detail.valence, detail.arousal);
  const heard = quote ? ` because you said “${quote}”` : '';
  const because = (text: string) => clip(text.charAt(0).toUpperCase() + text.slice(1), 400);
  const reasons: Reason[] = [];
  const felt = (aspect: string, choice: string, text: string) =>
    reasons.push({ aspect, choice: clip(choice, 120), because: because(text), ...(quote ? { quote } : {}) });

  if (!detail.hits.length) {
    felt('mood', 'a neutral starting point', 'No feeling words came through yet, so this starts from the middle — say how it should feel and it will move.');
  } else {
    felt('mood', mood, `The words ${feltWords} read as ${mood}${heard}.`);
  }
  // A style template that chose something gets the credit for it, not the feelings.
  const styled = styleChoices(p, applied);
  if (!asked.has('key') && !asked.has('mode')) {
    if (styled.mode) felt('mode', styled.mode.choice, styled.mode.because);
    else { const m = modeFor(p.valence, p.arousal, detail.mixed); felt('mode', `${p.key} ${p.mode}`, `${p.mode === m.mode ? m.why : p.mode}${heard}.`); }
  }
  if (!asked.has('tempo')) {
    if (styled.tempo) felt('tempo', styled.tempo.choice, styled.tempo.because);
    else {
      // Say so when sorrow or mixed feelings slowed the song below what its arousal alone would give.
      const slowed = pacing(p.valence, p.arousal, detail.mixed) < p.arousal - 0.05;
      const why = !slowed ? '' : detail.mixed ? ', and a little slower for the mixed, reflective feeling' : p.valence < 0 ? ', and slower for the sadness in it' : ', and a little slower for the contentment in it';
      felt('tempo', `${p.tempo} bpm`, `${pace(p.tempo)}: tempo follows how stirred up the song feels (${mood})${why}${heard}.`);
    }
  }
  if (!asked.has('instruments')) {
    const fromStyle = asked.has('style') && p.style ? `the usual ${styleLabel(p)} sound` : instrumentWhy(p.valence, p.arousal);
    felt('instruments', `melody ${p.instruments.melody}, chords ${p.instruments.chords}, bass ${p.instruments.bass}`, `${fromStyle}.`);
  }
  if (styled.chords) felt('chords', styled.chords.choice, styled.chords.because);
  else felt('chords', `${p.harmony.comping} chords${p.harmony.extensions ? ' with sevenths' : ''}`, `${compingWhy(p.valence, p.arousal)}${p.harmony.extensions ? ', with sevenths for the in-between colour' : ''}, to suit a song that feels ${mood}.`);
  if (!asked.has('drums')) {
    if (styled.drums) felt('drums', styled.drums.choice, styled.drums.because);
    else felt('drums', p.drums.enabled ? `${p.drums.groove} groove, density ${p.drums.density}` : 'no drums',
      p.drums.enabled ? `Drums as busy as the feeling is restless (${mood}).` : 'No drums: the song is so still that a beat would intrude.');
  }
  if (!asked.has('sections')) {
    if (styled.sections) felt('sections', styled.sections.choice, styled.sections.because);
    else felt('sections', p.sections.map((s) => s.name).join(', '), 'A familiar shape where the chorus lifts — more energy and a little more light — so it can carry the heart of the song.');
  }
  return [...reasons, ...requestReasons(applied)].slice(0, 40);
}

/** One reason per honoured request, quoting the words that asked for it. */
export function requestReasons(applied: Applied[]): Reason[] {
  return applied.map((a) => ({ aspect: a.aspect, choice: clip(a.label, 120), because: `You asked for it: “${clip(a.quote, 120)}”.`, quote: clip(a.quote, MAX_QUOTE) }));
}
