/**
 * What the guide says about a sketch it just made: the choices in a musician's words, the reasons
 * tied to their words (the rationale), what changed, and the listening question.
 */
import type { SongParameters } from '../../music/params.ts';
import { LINES, SCRIPT } from './script.ts';

interface MadeVersion {
  number: number;
  changes: string[];
  params: SongParameters;
}

const sentence = (s: string) => {
  const t = s.trim();
  return t ? `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?…”"]$/.test(t) ? '' : '.'}` : '';
};

const clip = (s: string, n = 200) => (s.length > n ? `${s.slice(0, s.lastIndexOf(' ', n - 1))}…` : s);

/** The reasons behind the first choices, at most `n`, each tied to the musician's words. */
function reasons(params: SongParameters, n = 2): string[] {
  return params.rationale.slice(0, n).map((r) => sentence(clip(r.because)));
}

/** "Here is a first sketch for “…”: D minor, 72 bpm in 4/4. <reasons> Have a listen …" */
export function firstSketchReply(version: MadeVersion, intention: string | null): string {
  const p = version.params;
  const opening = LINES.firstSketch
    .replace('{for}', intention ? ` for “${intention.replace(/[.\s]+$/, '')}”` : '')
    .replace('{key}', p.key)
    .replace('{mode}', p.mode)
    .replace('{tempo}', String(p.tempo))
    .replace('{meter}', p.meter);
  return [opening, ...reasons(p), SCRIPT.listening.question].filter(Boolean).join(' ');
}

/** "Version 3: slower: 96 → 80 bpm. Have a listen …" */
export function revisionReply(version: MadeVersion): string {
  const what = version.changes.length
    ? LINES.revised.replace('{n}', String(version.number)).replace('{changes}', version.changes.join('; '))
    : LINES.unchanged.replace('{n}', String(version.number));
  return [what, SCRIPT.listening.question].join(' ');
}

/** When a request changed nothing: ask for it another way, quoting it. */
export function notUnderstoodReply(request: string): string {
  return LINES.notUnderstood.replace('{q}', request.trim().slice(0, 120));
}

/** After a changed answer: "Got it — “I feel angry”. … The intention now reads: “…”. Version 3: … Have a listen …" */
export function correctedReply(lead: string, intention: string | null, version: MadeVersion | null): string {
  const said = intention ? LINES.intentionNow.replace('{intention}', intention) : '';
  const same = !version ? LINES.musicKept : version.changes.length ? '' : LINES.reasonsOnly.replace('{n}', String(version.number));
  const music = same ? [same, SCRIPT.listening.question].join(' ') : revisionReply(version!);
  return [lead, said, music].filter(Boolean).join(' ');
}
