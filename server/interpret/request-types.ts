/** The shape of one explicit-request rule: a pattern and a pure transform. */
import type { SongParameters } from '../../music/params.ts';

export type Aspect =
  | 'key' | 'mode' | 'tempo' | 'meter' | 'style' | 'instruments' | 'sections' | 'drums' | 'bass'
  | 'mood' | 'melody' | 'dynamics' | 'rhythm' | 'chords';

export interface RequestRule {
  aspect: Aspect;
  /** Matched (globally, case-insensitively) against the musician's words. */
  pattern: RegExp;
  /** The change, or null when the match turns out not to be a request (e.g. "in a quiet voice"). */
  apply: (m: RegExpExecArray, p: SongParameters, text: string) => { params: SongParameters; label: string } | null;
}
