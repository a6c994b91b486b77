/**
 * Reasons for the choices a style template made. When "like a bossa nova" or "flamenco" set the
 * mode, tempo, chords, drums or form, the reason must say so — not repeat what the feelings alone
 * would have chosen ("mixolydian, bright but not sugary" for a song the template put in Hijaz).
 */
import type { SongParameters } from '../../music/params.ts';
import { SCALE_WORDS, WORLD_FEEL_WORDS, findTemplate } from '../../music/styles/index.ts';
import type { Applied } from './requests.ts';
import { STYLE_PACE } from './styles.ts';

export interface StyleChoice {
  choice: string;
  because: string;
}

const FEEL_SHORT: Record<string, string> = { swing: 'swung eighths', shuffle: 'a shuffle', 'half-time': 'a half-time backbeat', straight: 'a straight beat' };

/** How the song's style reads in a sentence: "bossa nova" or "bossa nova with 30% lo-fi hip hop". */
export function styleLabel(p: SongParameters): string {
  if (!p.style) return '';
  return p.styleBlend ? `${p.style} with ${Math.round(p.styleBlend.amount * 100)}% ${p.styleBlend.with}` : p.style;
}

/**
 * The choices a template made, by aspect, for the rationale; empty when no template was applied.
 * styleChoices(p, applied).mode?.because → "The flamenco-tinged style plays in phrygian dominant …".
 */
export function styleChoices(p: SongParameters, applied: readonly Applied[]): Partial<Record<'mode' | 'tempo' | 'chords' | 'drums' | 'sections', StyleChoice>> {
  const styled = applied.find((a) => a.aspect === 'style');
  const t = p.style ? findTemplate(p.style) : undefined;
  // A style with a pace of its own but no template (punk, disco): only the tempo is its doing, and metal's minor mode.
  const own = p.style && !p.styleBlend ? STYLE_PACE[p.style] : undefined;
  if (styled && !t && own && p.style) {
    const out: ReturnType<typeof styleChoices> = {};
    if (styled.before.tempo !== styled.after.tempo) out.tempo = { choice: `${p.tempo} bpm`, because: `Inside the usual range of ${p.style} (${own.tempo[0]}–${own.tempo[1]} bpm), as close as it gets to the pace your feelings set.` };
    if (styled.before.mode !== styled.after.mode) out.mode = { choice: `${p.key} ${p.mode}`, because: `${p.style.charAt(0).toUpperCase() + p.style.slice(1)} is played in the minor modes, so the ${styled.before.mode} your feelings suggested became ${styled.after.mode}.` };
    return out;
  }
  if (!styled || !t) return {};
  const name = styleLabel(p);
  const Name = name.charAt(0).toUpperCase() + name.slice(1);
  const out: ReturnType<typeof styleChoices> = {};
  const { before, after } = styled;

  if (before.mode !== after.mode) {
    const words = SCALE_WORDS[after.mode];
    out.mode = {
      choice: `${p.key} ${p.mode}`,
      because: `${Name} is played in ${after.mode}${words ? ` (${words})` : ''}, so the ${before.mode} your feelings suggested moved to the nearest mode the style uses.`,
    };
  }
  if (before.tempo !== after.tempo) {
    const range = p.styleBlend ? '' : ` (${t.tempo[0]}–${t.tempo[1]} bpm)`;
    out.tempo = { choice: `${p.tempo} bpm`, because: `Inside the usual range of ${name}${range}, as close as it gets to the pace your feelings set.` };
  }
  const sevenths = p.harmony.extensions ? ' with sevenths' : '';
  out.chords = { choice: `${p.harmony.comping} chords${sevenths}`, because: `The way ${name} plays its chords: ${p.harmony.comping}${sevenths}, from the style's own progressions.` };
  const feel = WORLD_FEEL_WORDS[p.rhythm.feel as keyof typeof WORLD_FEEL_WORDS] ?? FEEL_SHORT[p.rhythm.feel] ?? p.rhythm.feel;
  out.drums = p.drums.enabled
    ? { choice: `${p.rhythm.feel !== 'straight' ? p.rhythm.feel : p.drums.groove === 'auto' ? p.meter : p.drums.groove} groove, density ${p.drums.density}`, because: `The ${name} groove: ${feel}.` }
    : { choice: 'no drums', because: `${Name} does without drums.` };
  if (t.sections && after.sections !== before.sections) {
    out.sections = { choice: p.sections.map((s) => s.name).join(', '), because: `${Name} has its own form: ${p.harmony.form === 'twelve-bar' ? 'twelve-bar choruses' : 'the sections the style is built from'}.` };
  }
  return out;
}
