/** The journal services against real databases: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { messages, versions } from '../../db/schema.ts';
import { backends, rowCounts } from '../../test/support/db.ts';
import { ServiceError } from '../errors.ts';
import {
  addNote,
  appendMessage,
  createSong,
  createVersion,
  currentIntention,
  DEFAULT_TITLE,
  deleteSong,
  getConversation,
  getSongDetail,
  listMessages,
  listSongs,
  rateVersion,
  setIntention,
  updateConversation,
  updateSong,
} from './index.ts';

const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof ServiceError ? e.code : String(e)));

for (const backend of backends) {
  describe.skipIf(backend.skip)(`journal services on ${backend.name}`, () => {
    const t = backend.open();

    it('creates a song with its conversation and a default title', async () => {
      const song = await createSong(t.db, {});
      expect(song).toMatchObject({ title: 'Untitled song', archived: false, intention: null, versionCount: 0 });
      expect(new Date(song.createdAt).toISOString()).toBe(song.createdAt);
      const conversation = await getConversation(t.db, song.id);
      expect(conversation).toMatchObject({ songId: song.id, summary: '', summaryUpTo: 0, state: {} });
    });

    it('rejects an empty title naming the field', async () => {
      await expect(createSong(t.db, { title: '   ' })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'title' });
    });

    it('answers NOT_FOUND for unknown songs everywhere', async () => {
      const id = 'no-such-song';
      expect(await code(getSongDetail(t.db, id))).toBe('NOT_FOUND');
      expect(await code(updateSong(t.db, id, { title: 'x' }))).toBe('NOT_FOUND');
      expect(await code(deleteSong(t.db, id))).toBe('NOT_FOUND');
      expect(await code(listMessages(t.db, id))).toBe('NOT_FOUND');
      expect(await code(appendMessage(t.db, { songId: id, role: 'user', text: 'hi' }))).toBe('NOT_FOUND');
      expect(await code(setIntention(t.db, { songId: id, text: 'x', confirmed: true }))).toBe('NOT_FOUND');
      expect(await code(getConversation(t.db, id))).toBe('NOT_FOUND');
    });

    it('gives concurrent appends distinct, gap-free seqs and bumps the song', async () => {
      const song = await createSong(t.db, { title: 'Busy' });
      const texts = Array.from({ length: 20 }, (_, i) => `message ${i}`);
      const stored = await Promise.all(texts.map((text) => appendMessage(t.db, { songId: song.id, role: 'user', text })));
      expect(stored.map((m) => m.seq).sort((a, b) => a - b)).toEqual(texts.map((_, i) => i + 1));
      const listed = await listMessages(t.db, song.id);
      expect(listed.map((m) => m.seq)).toEqual(texts.map((_, i) => i + 1));
      expect(new Set(listed.map((m) => m.text))).toEqual(new Set(texts));
      const [summary] = (await listSongs(t.db, {})).songs;
      expect(summary!.updatedAt >= song.updatedAt).toBe(true);
    });

    it('keeps message meta and token counts', async () => {
      const song = await createSong(t.db, {});
      const m = await appendMessage(t.db, { songId: song.id, role: 'assistant', text: 'What is it about?', meta: { suggestions: ['skip'], stage: 'about', provider: 'offline' }, promptTokens: 120, completionTokens: 14 });
      expect(m.meta).toEqual({ suggestions: ['skip'], stage: 'about', provider: 'offline' });
      expect((await listMessages(t.db, song.id))[0]).toEqual(m);
    });

    it('stores the conversation state and summary', async () => {
      const song = await createSong(t.db, {});
      const updated = await updateConversation(t.db, song.id, { state: { stage: 'emotion', answers: { about: 'my sister' } }, summary: 'About her sister.', summaryUpTo: 4 });
      expect(updated).toMatchObject({ summary: 'About her sister.', summaryUpTo: 4, state: { stage: 'emotion', answers: { about: 'my sister' } } });
      expect(await getConversation(t.db, song.id)).toEqual(updated);
    });

    it('stores a reply together with the state it leaves the conversation in, and only the fields given', async () => {
      const song = await createSong(t.db, {});
      await updateConversation(t.db, song.id, { summary: 'Earlier: the move.', summaryUpTo: 2 });
      const reply = await appendMessage(t.db, { songId: song.id, role: 'assistant', text: 'What does it feel like?' }, { state: { stage: 'emotion' } });
      expect(reply.seq).toBe(1);
      expect(await getConversation(t.db, song.id)).toMatchObject({ state: { stage: 'emotion' }, summary: 'Earlier: the move.', summaryUpTo: 2 });
      await appendMessage(t.db, { songId: song.id, role: 'user', text: 'heavy' });
      expect((await getConversation(t.db, song.id)).state).toEqual({ stage: 'emotion' });
      expect(await code(appendMessage(t.db, { songId: 'no-such-song', role: 'assistant', text: 'x' }, { state: { stage: 'x' } }))).toBe('NOT_FOUND');
    });

    it('numbers after rows written without the counters (an import, a journal from before them)', async () => {
      const song = await createSong(t.db, {});
      const first = await appendMessage(t.db, { songId: song.id, role: 'user', text: 'one' });
      const v1 = await createVersion(t.db, { songId: song.id, params: {}, seed: 3 });
      // Rows inserted as an import does, leaving the counters behind the data.
      await t.db.orm.insert(messages).values({ id: 'm-imported', conversationId: (await getConversation(t.db, song.id)).id, songId: song.id, seq: 5, role: 'user', text: 'imported', createdAt: new Date() });
      await t.db.orm.insert(versions).values({ ...(await t.db.orm.select().from(versions).where(eq(versions.id, v1.id)))[0]!, id: 'v-imported', number: 4 });
      expect(first.seq).toBe(1);
      expect((await appendMessage(t.db, { songId: song.id, role: 'assistant', text: 'next' })).seq).toBe(6);
      expect((await createVersion(t.db, { songId: song.id, params: { tempo: 70 } })).number).toBe(5);
    });

    it('takes the newest intention as current, even within one millisecond', async () => {
      const song = await createSong(t.db, {});
      expect(await currentIntention(t.db, song.id)).toBeNull();
      await setIntention(t.db, { songId: song.id, text: 'A song for my sister', confirmed: false });
      const { songTitle, ...second } = await setIntention(t.db, { songId: song.id, text: 'A song for my sister, tender and hopeful', confirmed: true });
      expect(songTitle).toBe('For My Sister');
      expect(await currentIntention(t.db, song.id)).toEqual(second);
      const detail = await getSongDetail(t.db, song.id);
      expect(detail.intention).toEqual(second);
      expect(detail.song.intention).toBe('A song for my sister, tender and hopeful');
    });

    it('adds notes, newest first, and refuses a version of another song', async () => {
      const song = await createSong(t.db, {});
      await addNote(t.db, { songId: song.id, text: 'first' });
      const b = await addNote(t.db, { songId: song.id, text: 'second' });
      expect(b).toMatchObject({ text: 'second', versionId: null });
      const detail = await getSongDetail(t.db, song.id);
      expect(detail.notes.map((n) => n.text)).toEqual(['second', 'first']);
      await expect(addNote(t.db, { songId: song.id, text: 'x', versionId: 'nope' })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'versionId' });
    });

    it('lists newest first with cursor pagination that neither repeats nor skips', async () => {
      const made: string[] = [];
      for (let i = 0; i < 7; i++) made.push((await createSong(t.db, { title: `Song ${i}` })).id);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listSongs(t.db, { limit: 3, cursor });
        expect(page.songs.length).toBeLessThanOrEqual(3);
        seen.push(...page.songs.map((s) => s.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);
      const all = (await listSongs(t.db, { limit: 100 })).songs;
      const times = all.map((s) => s.updatedAt);
      expect([...times].sort().reverse()).toEqual(times);
      await expect(listSongs(t.db, { cursor: 'garbage' })).rejects.toMatchObject({ field: 'cursor' });
    });

    it('searches titles and message text case-insensitively, treating % and _ literally', async () => {
      const a = await createSong(t.db, { title: 'Quiet House' });
      const b = await createSong(t.db, { title: 'Other' });
      await appendMessage(t.db, { songId: b.id, role: 'user', text: 'The HOUSE is quiet now' });
      await createSong(t.db, { title: 'Unrelated' });
      const found = (await listSongs(t.db, { q: 'house' })).songs.map((s) => s.id);
      expect(new Set(found)).toEqual(new Set([a.id, b.id]));
      expect((await listSongs(t.db, { q: '100%' })).songs).toEqual([]);
      expect((await listSongs(t.db, { q: '_' })).songs).toEqual([]);
    });

    it('searches journal notes, notes on a version and the intention too', async () => {
      const byNote = await createSong(t.db, { title: 'One' });
      await addNote(t.db, { songId: byNote.id, text: 'Try it with the Wurlitzer next time' });
      const byVersionNote = await createSong(t.db, { title: 'Two' });
      const v = await createVersion(t.db, { songId: byVersionNote.id, params: {}, seed: 3 });
      await rateVersion(t.db, v.id, { note: 'the wurlitzer take felt closest' });
      const byIntention = await createSong(t.db, { title: 'Three' });
      await setIntention(t.db, { songId: byIntention.id, text: 'A song for the old WURLITZER in the hall', confirmed: true });
      const none = await createSong(t.db, { title: 'Four' });
      await addNote(t.db, { songId: none.id, text: 'piano only' });
      const found = (await listSongs(t.db, { q: 'wurlitzer' })).songs.map((s) => s.id);
      expect(new Set(found)).toEqual(new Set([byNote.id, byVersionNote.id, byIntention.id]));
      expect((await listSongs(t.db, { q: 'organ' })).songs).toEqual([]);
    });

    it('names a song from its agreed intention while it keeps the default title, and never renames a chosen title', async () => {
      const song = await createSong(t.db, {});
      const proposed = await setIntention(t.db, { songId: song.id, text: 'A song for my grandmother about the empty chair at Sunday dinner', confirmed: false });
      expect(proposed.songTitle).toBe(DEFAULT_TITLE);
      const agreed = await setIntention(t.db, { songId: song.id, text: 'A song for my grandmother about the empty chair at Sunday dinner', confirmed: true });
      expect(agreed.songTitle).toBe('The Empty Chair');
      expect((await getSongDetail(t.db, song.id)).song.title).toBe('The Empty Chair');
      // Named once, the title is the song's: a later intention does not rename it.
      await setIntention(t.db, { songId: song.id, text: 'A song about the long drive home', confirmed: true });
      expect((await getSongDetail(t.db, song.id)).song.title).toBe('The Empty Chair');
      const chosen = await createSong(t.db, { title: 'Oma' });
      expect((await setIntention(t.db, { songId: chosen.id, text: 'A song about the kitchen', confirmed: true })).songTitle).toBe('Oma');
      const confirmation = await createSong(t.db, {});
      expect((await setIntention(t.db, { songId: confirmation.id, text: 'ja, genau', confirmed: true })).songTitle).toBe(DEFAULT_TITLE);
    });

    it('archives and restores songs', async () => {
      const a = await createSong(t.db, { title: 'Keep' });
      const b = await createSong(t.db, { title: 'Shelve' });
      const archived = await updateSong(t.db, b.id, { archived: true });
      expect(archived.archived).toBe(true);
      expect((await listSongs(t.db, {})).songs.map((s) => s.id)).toEqual([a.id]);
      expect((await listSongs(t.db, { archived: 'true' })).songs.map((s) => s.id)).toEqual([b.id]);
      const restored = await updateSong(t.db, b.id, { archived: false, title: 'Back' });
      expect(restored).toMatchObject({ archived: false, title: 'Back' });
    });

    it('deletes a song and every row that belonged to it', async () => {
      const keep = await createSong(t.db, { title: 'keep' });
      const song = await createSong(t.db, { title: 'gone' });
      await appendMessage(t.db, { songId: song.id, role: 'user', text: 'hello' });
      await setIntention(t.db, { songId: song.id, text: 'for me', confirmed: true });
      const v1 = await createVersion(t.db, { songId: song.id, params: {}, seed: 1 });
      await createVersion(t.db, { songId: song.id, params: { tempo: 70 } });
      await addNote(t.db, { songId: song.id, text: 'a note', versionId: v1.id });
      await deleteSong(t.db, song.id);
      expect(await rowCounts(t.db)).toEqual({ songs: 1, conversations: 1, messages: 0, intentions: 0, versions: 0, notes: 0 });
      expect((await getSongDetail(t.db, keep.id)).song.id).toBe(keep.id);
    });
  });
}
