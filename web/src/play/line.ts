/**
 * "Make my line part of the song": bars of a take's played line sent to the melody route
 * (POST /api/versions/{vid}/melody, the Sing-it work's), which keeps the notes exactly and writes
 * the chords and the arrangement around them as the song's next version. Plain fetch rather than
 * the typed client: the route is another part's, and this keeps the two parts independent.
 */
import { i18n, t } from '../i18n/index.ts';
import { ApiError } from '../lib/api.ts';
import type { Version } from '../lib/types.ts';
import type { PlayedNote } from '../../../music/jam/index.ts';

export type LineUse = 'whole' | 'motif';

export async function useLine(versionId: string, notes: readonly PlayedNote[], use: LineUse): Promise<Version> {
  let res: Response;
  try {
    res = await fetch(`/api/versions/${encodeURIComponent(versionId)}/melody`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': i18n.acceptLanguage() },
      body: JSON.stringify({ notes, use }),
    });
  } catch {
    throw new ApiError(t('errors.unreachable'), 'NETWORK', 0);
  }
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(err?.message ?? t('errors.status', { status: `${res.status} ${res.statusText}`.trim() }), err?.code ?? 'INTERNAL', res.status);
  }
  return (await res.json()) as Version;
}
