/** Small display formatters (dates, ratings, key and mode) shared by the panels, in the page's language. */
import { i18n, t } from '../i18n/index.ts';

/** "25 Nov, 14:03" in the page's language ("25. Nov., 14:03" in German). */
export function shortDate(iso: string): string {
  return i18n.date(iso);
}

const RATING_KEYS = { '-2': 'rating.muchFurther', '-1': 'rating.bitFurther', '0': 'rating.same', '1': 'rating.bitCloser', '2': 'rating.muchCloser' } as const;

/** Words for a closer/further rating, -2 … 2. */
export function ratingLabel(rating: number): string {
  const key = RATING_KEYS[String(rating) as keyof typeof RATING_KEYS];
  return key ? t(key) : '';
}

/** A key and a Tonal mode name in the page's language: ('D', 'minor') → 'D minor', 'D-Moll' in German. */
export function keyMode(key: string, mode: string): string {
  return t('music.keyMode', { key, mode: i18n.lookup(`modes.${mode}`, mode) });
}

/** "92 bpm" in the page's language. */
export function bpm(tempo: number): string {
  return t('music.bpm', { tempo: i18n.number(tempo) });
}

/** A section's name as the page says it: 'chorus' → 'Refrain' in German; a name of the musician's own stays as it is. */
export function sectionName(name: string): string {
  return name ? i18n.lookup(`sections.${name.toLowerCase()}`, name) : name;
}

/** A track's name ('Melody', 'Drums' …) in the page's language. */
export function trackName(track: { id: string; name: string }): string {
  return i18n.lookup(`tracks.${track.id}`, track.name);
}

/** Where a point sits on the emotion pad, in words: 'pleasant 0.30, calm 0.20'. */
export function padWords(p: { valence: number; arousal: number }): string {
  const n = (x: number) => i18n.number(Math.abs(x) || 0, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return t('pad.words', {
    valenceWord: p.valence >= 0 ? t('emotion.pleasant') : t('emotion.unpleasant'),
    valence: n(p.valence),
    arousalWord: p.arousal >= 0 ? t('emotion.excited') : t('emotion.calm'),
    arousal: n(p.arousal),
  });
}

/** A style template's name ('folk ballad') as the page says it. */
export function styleName(name: string): string {
  return i18n.lookup(`styleNames.${name}`, name);
}

/** What a style template is, in the page's language (its English description when no catalogue has it). */
export function styleAbout(template: { name: string; description: string }): string {
  return i18n.lookup(`styleAbout.${template.name}`, template.description);
}
