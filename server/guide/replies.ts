/**
 * What the guide says about a sketch it just made, in the musician's language: the choices in a
 * musician's words, the reasons tied to their words (the rationale), what changed, and a
 * listening question (a different one each time, chosen by the guide step).
 */
import type { SongParameters } from '../../music/params.ts';
import { guideText, type GuideText } from './text.ts';
import { vocabulary } from '../interpret/scope-vocab.ts';
import { sectionName } from '../interpret/edit.ts';

interface MadeVersion {
  number: number;
  changes: string[];
  params: SongParameters;
}

const sentence = (s: string) => {
  const t = s.trim();
  return t ? `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?…”"»]$/.test(t) ? '' : '.'}` : '';
};

const clip = (s: string, n = 200) => (s.length > n ? `${s.slice(0, s.lastIndexOf(' ', n - 1))}…` : s);

/**
 * The reasons behind the first choices, at most `n`, each tied to the musician's words. A quote
 * the reply has already given (the intention it opens with, or the reason before) is not given
 * again: "… because you said “<the same sentence>”" three times in one reply reads as a machine.
 */
function reasons(params: SongParameters, intention: string | null, n = 2): string[] {
  const said = new Set(intention ? [intention.replace(/[.\s]+$/, '')] : []);
  return params.rationale.slice(0, n).map((r) => {
    const quote = r.quote?.replace(/[.\s]+$/, '');
    const repeated = quote && [...said].some((s) => s.includes(quote));
    if (quote) said.add(quote);
    return sentence(clip(repeated ? r.because.replace(` because you said “${r.quote}”`, '') : r.because));
  });
}

/** "Here is a first sketch for “…”: D minor, 72 bpm in 4/4. <reasons> <listen>" — reasons only in English until the interpreter speaks the language. */
export function firstSketchReply(version: MadeVersion, intention: string | null, t: GuideText = guideText('en'), listen = t.lines.listen[0]!): string {
  const p = version.params;
  const opening = t.lines.firstSketch
    .replace('{for}', intention ? t.lines.sketchFor.replace('{intention}', intention.replace(/[.\s]+$/, '')) : '')
    .replace('{key}', p.key)
    .replace('{mode}', t.modes[p.mode] ?? p.mode)
    .replace('{tempo}', String(p.tempo))
    .replace('{meter}', p.meter);
  return [opening, ...(t.language === 'en' ? reasons(p, intention) : []), listen].filter(Boolean).join(' ');
}

/** "Version 3: slower: 96 → 80 bpm. Have a listen …" */
export function revisionReply(version: MadeVersion, t: GuideText = guideText('en'), listen = t.lines.listen[0]!): string {
  const what = version.changes.length
    ? t.lines.revised.replace('{n}', String(version.number)).replace('{changes}', version.changes.join('; '))
    : t.lines.unchanged.replace('{n}', String(version.number));
  return [what, listen].filter(Boolean).join(' ');
}

/** When a request changed nothing: ask for it another way, quoting it. */
export function notUnderstoodReply(request: string, t: GuideText = guideText('en')): string {
  return t.lines.notUnderstood.replace('{q}', request.trim().slice(0, 120));
}

/**
 * When a request named a section the song does not have ("make the bridge louder" with no
 * bridge): say so, and how the song goes, in the guide's language.
 */
export function absentSectionReply(absent: readonly string[], params: Pick<SongParameters, 'sections'>, t: GuideText = guideText('en')): string {
  const { names } = vocabulary(t.language).say;
  // English says the song's own name ("refrain"); other languages their word for its role.
  const named = (name: string) => names[name] ?? (t.language === 'en' ? name : names[sectionName(name)] ?? name);
  // The form without articles ("Intro, Strophe, Refrain"), each run of one section once.
  const form = params.sections.map((s) => named(s.name).replace(/^(?:der|die|das|le|la|les|el|los|las)\s+|^l['’]/i, '')).filter((n, i, all) => n !== all[i - 1]);
  const name = named(absent[0]!);
  return t.lines.absentSection.replaceAll('{name}', name).replaceAll('{Name}', name.charAt(0).toUpperCase() + name.slice(1)).replace('{form}', form.join(', '));
}

/** After a changed answer: "Got it — “I feel angry”. … The intention now reads: “…”. Version 3: … Have a listen …" */
export function correctedReply(lead: string, intention: string | null, version: MadeVersion | null, t: GuideText = guideText('en'), listen = t.lines.listen[0]!): string {
  const said = intention ? t.lines.intentionNow.replace('{intention}', intention) : '';
  const same = !version ? t.lines.musicKept : version.changes.length ? '' : t.lines.reasonsOnly.replace('{n}', String(version.number));
  const music = same ? [same, listen].filter(Boolean).join(' ') : revisionReply(version!, t, listen);
  return [lead, said, music].filter(Boolean).join(' ');
}
