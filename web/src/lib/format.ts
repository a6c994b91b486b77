/** Small display formatters (dates, ratings) shared by the panels. */

/** "25 Nov, 14:03" in the musician's own locale. */
export function shortDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** Words for a closer/further rating, -2 … 2. */
export const RATING_LABELS: Record<string, string> = {
  '-2': 'much further',
  '-1': 'a bit further',
  '0': 'about the same',
  '1': 'a bit closer',
  '2': 'much closer',
};
