/** The shape of one explicit-request rule: a pattern and a pure transform. */
import type { SongParameters } from '../../music/params.ts';

export type Aspect =
  | 'key' | 'mode' | 'tempo' | 'meter' | 'style' | 'instruments' | 'sections' | 'drums' | 'bass'
  | 'mood' | 'melody' | 'dynamics' | 'rhythm' | 'chords';

export interface RequestRule {
  aspect: Aspect;
  /** Matched (globally, case-insensitively) against the musician's words. */
  pattern: RegExp;
  /**
   * Words (lower case, Latin letters) of which every match of `pattern` contains at least one, when
   * that is so by construction: a text with none of them is skipped without running `pattern`.
   * For the largest patterns, whose first run costs more (V8 compiles a regular expression on
   * first use, and a 3,000-character case-insensitive Unicode one takes ~40 ms) than the rest of
   * reading a short text.
   */
  needs?: readonly string[];
  /** The change, or null when the match turns out not to be a request (e.g. "in a quiet voice"). */
  apply: (m: RegExpExecArray, p: SongParameters, text: string) => { params: SongParameters; label: string } | null;
}
