/** The lyric routes through app.request() on a real in-memory journal; the LLM is a scripted HTTP server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPglite } from '../../test/support/db.ts';
import { startFakeLlm, type FakeLlm } from '../../test/support/fake-llm.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { appendMessage, createSong, createVersion, setIntention } from '../journal/index.ts';
import { createLogger } from '../log.ts';

const t = sharedPglite();
let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm();
});
afterAll(() => llm.close());

const offline = () => createApp({ db: t.db, config: loadConfig({ INNERCHORD_LOG: 'silent', INNERCHORD_OFFLINE: '1' }), log: createLogger('silent') });
const online = () => createApp({ db: t.db, config: loadConfig({ INNERCHORD_LOG: 'silent', OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test', OPENAI_MODEL: 'fake' }), log: createLogger('silent') });
const send = (app: ReturnType<typeof offline>, method: string, path: string, body?: unknown) =>
  app.request(path, { method, headers: { 'content-type': 'application/json', origin: 'http://localhost' }, ...(body ? { body: JSON.stringify(body) } : {}) });

async function song() {
  const s = await createSong(t.db, { title: 'Sunday' });
  await appendMessage(t.db, { songId: s.id, role: 'user', text: 'I keep looking at the empty chair at dinner.' });
  await appendMessage(t.db, { songId: s.id, role: 'user', text: 'She always said "keep going" on our Sunday walks.' });
  await setIntention(t.db, { songId: s.id, text: 'A song for my grandmother, to say thank you', confirmed: true });
  const params = { key: 'G', mode: 'major', tempo: 84, meter: '4/4' as const, sections: [{ name: 'verse', bars: 8 }, { name: 'chorus', bars: 8, lyrics: ['Keep going, keep going'] }] };
  return createVersion(t.db, { songId: s.id, params, seed: 11 });
}

describe('POST /api/lyrics/analyze', () => {
  it('reads each line back: syllables, stress marks, line-end rhymes and a hint for a line too long for its phrase', async () => {
    const long = 'and every single evening I would wander slowly down along the riverside together';
    const res = await send(offline(), 'POST', '/api/lyrics/analyze', {
      sections: [{ name: 'verse', bars: 4, lines: ['I walk alone', 'and find my way back home', long, ''] }],
      meter: '4/4',
      language: 'en',
    });
    expect(res.status).toBe(200);
    const [verse] = ((await res.json()) as { sections: { lines: { syllables: string[]; stress: string; rhymesWith: unknown; hint: string | null; room: number; end: string }[] }[] }).sections;
    const [walk, home, tooLong, empty] = verse!.lines;
    expect(walk!.syllables).toHaveLength(4);
    expect(walk!.stress).toBe('x/x/'); // I WALK a-LONE
    expect(home!.end).toBe('home');
    expect(home!.rhymesWith).toEqual({ line: 0, kind: 'near' }); // alone / home: same vowel, nasal ending
    expect(walk!.room).toBe(6); // 4 bars over 3 sung lines → 1 bar of eighths, less a breath
    expect(home!.hint).toBeNull();
    expect(tooLong!.hint).toMatch(/^2\d syllables where about 6 fit/);
    expect(empty!.hint).toMatch(/empty line/i);
  });

  it('answers 400 naming the field for a bad meter', async () => {
    const res = await send(offline(), 'POST', '/api/lyrics/analyze', { sections: [{ name: 'verse', bars: 4, lines: ['x'] }], meter: '4/5' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'meter' } });
  });
});

describe('GET /api/lyrics/rhymes', () => {
  it('offers perfect and near rhymes for "home", common words first', async () => {
    const res = await offline().request('/api/lyrics/rhymes?word=home&language=en');
    const body = (await res.json()) as { perfect: string[]; near: string[] };
    expect(body.perfect).toEqual(expect.arrayContaining(['roam', 'foam', 'dome']));
    expect(body.near).toEqual(expect.arrayContaining(['alone', 'stone', 'phone']));
    expect(body.perfect).not.toContain('home');
  });

  it('rhymes in German and Spanish by their endings', async () => {
    const de = (await (await offline().request('/api/lyrics/rhymes?word=Herz&language=de')).json()) as { perfect: string[] };
    const es = (await (await offline().request('/api/lyrics/rhymes?word=corazón&language=es')).json()) as { perfect: string[] };
    expect(de.perfect).toContain('schmerz');
    expect(es.perfect).toContain('perdón');
  });

  it('answers 400 without a word', async () => {
    expect((await offline().request('/api/lyrics/rhymes?word=')).status).toBe(400);
  });
});

describe('POST /api/lyrics/parody', () => {
  it('gives the shape of each line, never its words', async () => {
    const res = await send(offline(), 'POST', '/api/lyrics/parody', { lines: ['Twinkle, twinkle, little star', '', 'How I wonder what you are'], language: 'en' });
    const body = (await res.json()) as { lines: { n: number; count: number; stress: string; label: string }[] };
    expect(body.lines.map((l) => [l.count, l.stress])).toEqual([[7, '/x/x/x/'], [7, expect.stringMatching(/^.{7}$/)]]);
    expect(JSON.stringify(body)).not.toMatch(/twinkle|wonder/i);
  });
});

describe('writing help for a version', () => {
  it('builds line prompts from the musician\'s own phrases and knows each section\'s job', async () => {
    const v = await song();
    const help = (await (await offline().request(`/api/versions/${v.id}/lyrics/help`)).json()) as { phrases: string[]; sections: { role: string; job: string; prompts: string[]; blanks: string[]; lines: string[] }[] };
    expect(help.phrases).toEqual(expect.arrayContaining(['keep going', 'our Sunday walks', 'the empty chair']));
    expect(help.sections.map((s) => s.role)).toEqual(['verse', 'chorus']);
    expect(help.sections[0]!.job).toMatch(/sets the scene/);
    expect(help.sections[1]!.job).toMatch(/one line/);
    expect(help.sections.flatMap((s) => s.prompts).join(' ')).toMatch(/“(keep going|our Sunday walks|the empty chair)”/);
    expect(help.sections[0]!.blanks.every((b) => b.includes('___'))).toBe(true);
    expect(help.sections[1]!.lines).toEqual(['Keep going, keep going']);
  });

  it('drafts offline from their phrases, within the room, without saving anything', async () => {
    const v = await song();
    const res = await send(offline(), 'POST', `/api/versions/${v.id}/lyrics/drafts`, { section: 0 });
    const body = (await res.json()) as { drafts: { text: string; syllables: number; source: string }[]; fallback: boolean; room: number };
    expect(body.fallback).toBe(false);
    expect(body.drafts.length).toBeGreaterThan(0);
    for (const d of body.drafts) {
      expect(d.source).toBe('offline');
      expect(d.syllables).toBeLessThanOrEqual(body.room);
      expect(d.text.toLowerCase()).toMatch(/keep going|sunday walks|empty chair|grandmother|thank you/);
    }
    const versions = (await (await offline().request(`/api/songs/${v.songId}/versions`)).json()) as { versions: unknown[] };
    expect(versions.versions).toHaveLength(1);
  });

  it('with an LLM: keeps the model\'s lines that fit, drops the ones that do not, and quotes the musician as data', async () => {
    const v = await song();
    llm.reset();
    llm.script({ kind: 'json', value: { drafts: [{ text: 'The empty chair still holds the light' }, { text: 'Keep going, keep going' }, { text: 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen' }] } });
    const body = (await (await send(online(), 'POST', `/api/versions/${v.id}/lyrics/drafts`, { section: 1, request: 'something that rhymes with home' })).json()) as { drafts: { text: string; source: string }[]; fallback: boolean };
    // The second repeats a line the chorus has; the third is far past the room.
    expect(body).toMatchObject({ fallback: false, drafts: [{ text: 'The empty chair still holds the light', source: 'llm' }] });
    const sent = llm.requests.at(-1)!.body.messages.map((m) => m.content).join('\n');
    expect(sent).toContain('<data name="request">');
    expect(sent).toContain('something that rhymes with home');
    expect(sent).not.toMatch(/\{\{/);
  });

  it('with an LLM that fails: falls back to the offline drafts and says so', async () => {
    const v = await song();
    llm.reset();
    llm.script({ kind: 'status', status: 500 }, { kind: 'status', status: 500 });
    const body = (await (await send(online(), 'POST', `/api/versions/${v.id}/lyrics/drafts`, { section: 0 })).json()) as { drafts: { source: string }[]; fallback: boolean };
    expect(body.fallback).toBe(true);
    expect(body.drafts.length).toBeGreaterThan(0);
    expect(body.drafts.every((d) => d.source === 'offline')).toBe(true);
  });

  it('answers 400 for a section the song does not have and 404 for an unknown version', async () => {
    const v = await song();
    expect((await send(offline(), 'POST', `/api/versions/${v.id}/lyrics/drafts`, { section: 9 })).status).toBe(400);
    expect((await send(offline(), 'POST', '/api/versions/nope/lyrics/drafts', { section: 0 })).status).toBe(404);
  });
});

describe('PUT /api/versions/:vid/lyrics', () => {
  it('saves the words as a new version: only the named sections change, the melody sings them, the old version keeps its own', async () => {
    const v = await song();
    const res = await send(offline(), 'PUT', `/api/versions/${v.id}/lyrics`, { sections: [{ section: 0, lines: ['The empty chair at dinner', 'our Sunday walks'] }] });
    expect(res.status).toBe(201);
    const next = (await res.json()) as { number: number; parentId: string; seed: number; request: string; params: { sections: { lyrics?: string[] }[] }; sketch: { tracks: { id: string; notes: { lyric?: { text: string } }[] }[] } };
    expect(next).toMatchObject({ number: 2, parentId: v.id, seed: v.seed, request: 'words: verse' });
    expect((next as unknown as { changes: string[] }).changes.slice(0, 2)).toEqual(['words, verse line 1 added: “The empty chair at dinner”', 'words, verse line 2 added: “our Sunday walks”']);
    expect(next.params.sections.map((s) => s.lyrics)).toEqual([['The empty chair at dinner', 'our Sunday walks'], ['Keep going, keep going']]);
    const sung = next.sketch.tracks.find((t) => t.id === 'melody')!.notes.filter((n) => n.lyric).map((n) => n.lyric!.text.toLowerCase().replace(/[^a-z]/g, ''));
    expect(sung.slice(0, 3)).toEqual(['the', 'emp', 'ty']); // the new verse is sung first
    const old = (await (await offline().request(`/api/versions/${v.id}`)).json()) as { params: { sections: { lyrics?: string[] }[] } };
    expect(old.params.sections[0]!.lyrics).toBeUndefined();
  });

  it('refuses to make an empty version when nothing changed, and a section the song lacks', async () => {
    const v = await song();
    const same = await send(offline(), 'PUT', `/api/versions/${v.id}/lyrics`, { sections: [{ section: 1, lines: ['Keep going, keep going'] }] });
    expect(same.status).toBe(400);
    const missing = await send(offline(), 'PUT', `/api/versions/${v.id}/lyrics`, { sections: [{ section: 5, lines: ['x'] }] });
    expect(await missing.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'sections' } });
    const blank = await send(offline(), 'PUT', `/api/versions/${v.id}/lyrics`, { sections: [{ section: 0, lines: ['  '] }] });
    expect(blank.status).toBe(400);
  });

  it('is in the OpenAPI document with the other lyric routes', async () => {
    const doc = (await (await offline().request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [p, m] of [['/api/lyrics/analyze', 'post'], ['/api/lyrics/rhymes', 'get'], ['/api/lyrics/parody', 'post'], ['/api/versions/{vid}/lyrics/help', 'get'], ['/api/versions/{vid}/lyrics/drafts', 'post'], ['/api/versions/{vid}/lyrics', 'put']] as const) {
      expect(doc.paths[p]?.[m], `${m} ${p}`).toBeDefined();
    }
  });
});
