/**
 * The offline reviser: a request like "slower, and the chorus should feel like relief" → changed
 * parameters. Relative rules (revisions.ts) run first and claim their words; explicit requests
 * (keys, meters, sections …) run on what is left. Anything not mentioned stays exactly as it was.
 */
import { SongParameters, type Reason } from '../../music/params.ts';
import { describe, ownSectionName } from './edit.ts';
import { REQUEST_RULES } from './interpret.ts';
import { Claims, applyRules, type Applied } from './requests.ts';
import { REVISION_RULES } from './revisions.ts';
import { applyScoped } from './scope.ts';
import { sectionsNamed } from './scope-read.ts';
import { reviseLyrics } from './scope-lyrics.ts';
import type { Revision } from './types.ts';

/** "key E minor: C major → E minor" for explicit requests; relative rules already say it. */
function understood(a: Applied, relative: boolean): string {
  if (relative) return a.label;
  const before = describe(a.aspect, a.before);
  const after = describe(a.aspect, a.after);
  return before && after && before !== after ? `${a.label}: ${before} → ${after}` : a.label;
}

/** Apply a revision request to parameters, keeping everything else: reviseOffline(p, "slower") → 96 → 80 bpm. */
/** Sections a request names that the song does not have (by role: a folk form's refrain is its chorus). */
export function missingSections(request: string, params: SongParameters): string[] {
  return sectionsNamed(request).filter((name) => !params.sections.some((s) => s.name === ownSectionName(params, name)));
}

export function reviseOffline(params: SongParameters, request: string): Revision {
  // A request about the words ("make the chorus line shorter") is about the words only: its
  // "shorter" must not also shorten the chorus's bars.
  const words = reviseLyrics(params, request);
  if (words.changes.length) {
    const label = words.changes.map((c) => `${params.sections[c.section]!.name} line ${c.line + 1}: ${c.from === null ? '' : `“${c.from}” → `}“${c.to}”`);
    return { params: words.params, understood: label, unrecognised: false, ...(words.language ? { language: words.language } : {}) };
  }
  // Scoped requests first ("fewer drums in the verse"): they take their clauses, so the whole-song
  // words in them ("fewer drums") cannot also change the whole song.
  const scoped = applyScoped(request, params);
  const claims = new Claims();
  const relative = applyRules(scoped.rest, scoped.params, REVISION_RULES, claims);
  const explicit = applyRules(scoped.rest, relative.params, REQUEST_RULES, claims);
  const lines = [...scoped.applied.map((a) => a.label), ...relative.applied.map((a) => understood(a, true)), ...explicit.applied.map((a) => understood(a, false))];
  const absent = missingSections(request, params);
  // "more hope in the bridge" of a song with no bridge is not a wish for the whole song: nothing
  // changes, and the reply says which parts the song has (unless the request adds the section).
  const adds = [...relative.applied, ...explicit.applied].some((a) => a.aspect === 'sections' && /^add /.test(a.label));
  if (!lines.length || (absent.length && !scoped.applied.length && !adds)) return { params, understood: [], unrecognised: true, ...(absent.length ? { absent } : {}) };
  const all = [...scoped.applied.map((a) => ({ aspect: 'sections' as const, label: a.label })), ...relative.applied, ...explicit.applied];
  const quote = request.trim().slice(0, 200);
  const reasons: Reason[] = all.map((a, i) => ({
    aspect: a.aspect,
    choice: lines[i]!.slice(0, 120),
    because: `You asked: “${quote}”.`.slice(0, 400),
    quote,
  }));
  // A new reason replaces the old one for the same aspect, so the rationale never argues with itself.
  const kept = params.rationale.filter((r) => !reasons.some((n) => n.aspect === r.aspect));
  const rationale = [...kept, ...reasons].slice(-40);
  return { params: SongParameters.parse({ ...explicit.params, rationale }), understood: lines, unrecognised: false, language: scoped.language };
}
