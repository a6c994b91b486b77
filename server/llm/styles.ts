/**
 * Style templates on the LLM path. The model only names a style; this lays the same template over
 * its validated answer as the offline interpreter does (mode, groove, progressions, blend), then
 * re-honours the musician's explicit key, mode, tempo and meter words, exactly as the offline path
 * orders them (style first, explicit requests after), so "a bossa nova at 100 bpm" keeps its 100.
 */
import { SongParameters } from '../../music/params.ts';
import { TEMPLATES, applyStyle, findTemplate, type StyleBlend } from '../../music/styles/index.ts';
import { CORE_RULES } from '../interpret/requests-core.ts';
import { applyRules } from '../interpret/requests.ts';
import { modeWasAsked } from '../interpret/styles.ts';

/** The template names, for the prompts: "folk ballad, pop, lo-fi hip hop, …". */
export function styleNames(): string {
  return TEMPLATES.map((t) => t.name).join(', ');
}

/** The blend the model asked for, by template name, or undefined when it names no known template. */
function blendOf(p: SongParameters, first: string): StyleBlend | undefined {
  const other = p.styleBlend ? findTemplate(p.styleBlend.with) : undefined;
  return other && other.name !== first && p.styleBlend ? { with: other.name, amount: p.styleBlend.amount } : undefined;
}

/** The style and blend of params, resolved to template names ("Bossa" → "bossa nova"). */
function resolved(p: SongParameters): { style: string; blend?: StyleBlend } | undefined {
  const t = p.style ? findTemplate(p.style) : undefined;
  return t ? { style: t.name, blend: blendOf(p, t.name) } : undefined;
}

const same = (a?: StyleBlend, b?: StyleBlend) => a?.with === b?.with && a?.amount === b?.amount;

/**
 * Apply the template the model named: withTemplates(modelParams, words) → params with the template's
 * mode, groove and progressions. With `previous` (a revision), only a style or blend that changed is
 * applied, so "slower" on a bossa does not pull the tempo back into the bossa range.
 */
export function withTemplates(params: SongParameters, words: string, previous?: SongParameters): SongParameters {
  const want = resolved(params);
  if (!want) return params;
  const had = previous ? resolved(previous) : undefined;
  if (had && had.style === want.style && same(had.blend, want.blend)) return params;
  const styled = applyStyle(params, want.style, want.blend, { keepMode: modeWasAsked(params) });
  const { params: honoured } = applyRules(words, styled, CORE_RULES);
  const label = want.blend ? `${want.style} with ${Math.round(want.blend.amount * 100)}% ${want.blend.with}` : want.style;
  const note = { aspect: 'style', choice: `style ${label}`.slice(0, 120), because: `The ${label} template sets the mode, groove, chords and instruments; your own key, tempo and meter words still win.` };
  const rationale = [...honoured.rationale.filter((r) => r.aspect !== 'style' || r.because.startsWith('You asked')), note].slice(-40);
  return SongParameters.parse({ ...honoured, rationale });
}
