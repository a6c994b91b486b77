/** A template's musical constraint applied to the first sketch ("write in Dorian" keeps the mode). */
import type { SongParameters } from '../../music/params.ts';
import type { GuideTemplate } from '../guide/index.ts';

/** Params with the template's mode (and a reason saying so); unchanged without a constraint. */
export function withTemplateConstraint(params: SongParameters, template: GuideTemplate | null): SongParameters {
  const mode = template?.constraint.mode;
  if (!mode || params.mode === mode) return params;
  const reason = { aspect: 'mode', choice: `${params.key} ${mode}`, because: `the session template “${template.name}” asks for ${mode}` };
  return { ...params, mode, rationale: [reason, ...params.rationale.filter((r) => r.aspect !== 'mode')].slice(0, 40) };
}
