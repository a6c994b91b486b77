/** journal.md — the song's story as a person reads it: intention, conversation, versions, notes. */
import type { SongFile } from './format.ts';

const RATING_WORDS: Record<string, string> = {
  '-2': 'much further from what I meant',
  '-1': 'a little further from what I meant',
  '0': 'neither closer nor further',
  '1': 'a little closer to what I meant',
  '2': 'much closer to what I meant',
};

const ROLE_NAMES = { user: 'Me', assistant: 'Guide', system: 'Note' } as const;

const day = (iso: string) => iso.slice(0, 10);
/** Keep a musician's line breaks inside a quote block. */
const quote = (text: string) => text.split('\n').map((l) => `> ${l}`).join('\n');

/** Render song.json as Markdown; pure, so it can be tested without a database. */
export function journalMarkdown(file: SongFile): string {
  const out: string[] = [`# ${file.song.title}`, '', `Started ${day(file.song.createdAt)} · exported ${day(file.exportedAt)}`, ''];
  const intention = file.intentions.at(-1);
  out.push('## Intention', '', intention ? `${quote(intention.text)}${intention.confirmed ? '' : '\n\n(not yet confirmed)'}` : '_No intention stated yet._', '');
  if (file.intentions.length > 1) {
    out.push('Earlier wordings:', '', ...file.intentions.slice(0, -1).map((i) => `- ${day(i.createdAt)}: ${i.text}`), '');
  }
  out.push('## Conversation', '');
  if (file.messages.length === 0) out.push('_No messages yet._', '');
  for (const m of file.messages) out.push(`**${ROLE_NAMES[m.role]}** (${m.createdAt.slice(0, 16).replace('T', ' ')}):`, '', quote(m.text), '');
  out.push('## Versions', '');
  if (file.versions.length === 0) out.push('_No sketches yet._', '');
  const numberOf = new Map(file.versions.map((v) => [v.id, v.number]));
  for (const v of file.versions) {
    const p = v.params;
    const from = v.parentId ? ` (from v${numberOf.get(v.parentId)})` : '';
    out.push(`### v${v.number}${from} — ${p.key} ${p.mode}, ${p.tempo} bpm, ${p.meter}`, '');
    if (v.request) out.push(`Asked for: ${v.request}`, '');
    if (v.changes.length) out.push('Changes:', '', ...v.changes.map((c) => `- ${c}`), '');
    if (p.rationale.length) out.push('Why:', '', ...p.rationale.map((r) => `- ${r.aspect}: ${r.choice} — ${r.because}`), '');
    if (v.rating !== null) out.push(`Felt ${RATING_WORDS[String(v.rating)] ?? v.rating}.`, '');
    if (v.note) out.push(`Note: ${v.note}`, '');
    out.push(`MIDI: versions/v${v.number}.mid`, '');
    const takes = file.takes.filter((t) => t.versionId === v.id);
    // A take is pad movement, not notes: say what it was; song.json keeps it for a replay.
    const changes = (n: number) => `${n} change${n === 1 ? '' : 's'}`;
    if (takes.length) out.push('Jam takes:', '', ...takes.map((t) => `- ${t.name}: ${Math.ceil(t.take.length / t.take.ticksPerBar)} bars, ${changes(t.take.points.length - 1)}`), '');
  }
  if (file.notes.length) {
    out.push('## Notes', '');
    for (const n of file.notes) {
      const about = n.versionId ? ` (about v${numberOf.get(n.versionId)})` : '';
      out.push(`- ${day(n.createdAt)}${about}: ${n.text}`);
    }
    out.push('');
  }
  return out.join('\n');
}
