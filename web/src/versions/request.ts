import { t } from '../i18n/index.ts';

/** The label the server stores as the request of a song's first version (server/turns/answer.ts). */
const FIRST_SKETCH = 'first sketch';

/** What a version was asked for, for display: the musician's own words, or "first sketch" in the page's language. */
export function requestLabel(request: string | null | undefined): string {
  return request && request !== FIRST_SKETCH ? request : t('versions.firstSketchLower');
}
