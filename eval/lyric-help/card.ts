/**
 * The lyric helper's scorecard: rhymes judged on hand-labelled pairs in four languages, and lyric
 * revision requests judged on what they did to the words (which section, changed or added, and
 * whether an added line rhymes or quotes as asked). Prints a table and returns the share right.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SongParameters } from '../../music/params.ts';
import { reviseLyrics } from '../../server/interpret/scope-lyrics.ts';
import { rhymeKind } from '../../server/lyrics/rhymes.ts';

interface Revision { lang: string; request: string; kind: 'changed' | 'added' | 'none'; section?: string; rhymesWith?: string; text?: string }
const CASES = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases.json'), 'utf8')) as { rhymes: [string, string, string, string][]; heldOut: [string, string, string, string][]; revisions: Revision[] };

const SONG = SongParameters.parse({
  sections: [
    { name: 'verse', bars: 8, lyrics: ['Every evening by the window', 'I can hear you, really, just so clearly'] },
    { name: 'chorus', bars: 8, lyrics: ['Keep on going, keep on going home', 'We are not alone'] },
    { name: 'bridge', bars: 4 },
  ],
});

/** Run the card: prints per-language rows and the misses; returns passed / total. */
export function printLyricHelp(): number {
  const rows = new Map<string, { ok: number; n: number }>();
  const misses: string[] = [];
  const count = (key: string, ok: boolean, what: string) => {
    const r = rows.get(key) ?? { ok: 0, n: 0 };
    r.n++;
    if (ok) r.ok++;
    else misses.push(what);
    rows.set(key, r);
  };
  for (const [set, pairs] of [['rhymes', CASES.rhymes], ['held-out', CASES.heldOut]] as const) {
    for (const [lang, a, b, want] of pairs) {
      const got = rhymeKind(a, b, lang) ?? 'none';
      // A near rhyme offered as perfect (or the other way) is still a rhyme; "none" must be none.
      const ok = want === 'none' ? got === 'none' : got !== 'none';
      count(`${set} ${lang}`, ok, `${set} ${lang} ${a}/${b}: want ${want}, got ${got}`);
    }
  }
  for (const c of CASES.revisions) {
    const r = reviseLyrics(SONG, c.request);
    const change = r.changes[0];
    let ok = c.kind === 'none' ? r.changes.length === 0 : !!change && (change.from === null ? 'added' : 'changed') === c.kind && r.params.sections[change.section]?.name === c.section;
    if (ok && change && c.rhymesWith) ok = rhymeKind(change.to, c.rhymesWith, c.lang) !== null;
    if (ok && change && c.text) ok = change.to === c.text;
    if (ok && change) ok = SONG.sections.every((s, i) => i === change.section || JSON.stringify(s) === JSON.stringify(r.params.sections[i]));
    count(`revisions ${c.lang}`, ok, `${c.lang} "${c.request}": want ${c.kind} ${c.section ?? ''}, got ${change ? JSON.stringify(change) : 'none'}`);
  }
  let ok = 0;
  let n = 0;
  console.log('\nlyric help (eval/lyric-help): rhymes and lyric revisions');
  for (const [key, r] of rows) {
    console.log(`  ${key.padEnd(16)} ${r.ok}/${r.n}`);
    ok += r.ok;
    n += r.n;
  }
  for (const m of misses) console.log(`  miss: ${m}`);
  return ok / n;
}
