/**
 * The import path against hostile zips: bombs (honest and lying size headers), too many entries,
 * path-traversal names, and files that are not our zip at all. Each must answer 400 with a clear
 * message, never 5xx, and write nothing; a real export must still import.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { rowCounts, sharedPglite } from '../support/db.ts';
import { makeApp, newSong, say } from '../turns/helpers.ts';

const t = sharedPglite();

/** Set the uncompressed-size field of every local and central header to `size` (a lying zip). */
function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true); // local file header
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true); // central directory entry
  }
  return out;
}

const zip = (files: Zippable) => zipSync(files, { level: 9 });

async function importBytes(bytes: Uint8Array | string) {
  const app = makeApp(t.db);
  const res = await app.request('/api/import', { method: 'POST', headers: { 'content-type': 'application/zip' }, body: bytes as string | Uint8Array<ArrayBuffer> });
  return { status: res.status, json: (await res.json()) as { error?: { code: string; message: string } } };
}

const zeros = (mb: number) => new Uint8Array(mb * 1024 * 1024);

const HOSTILE: [string, () => Uint8Array | string][] = [
  ['a zip bomb with honest headers (60 MiB of zeros)', () => zip({ 'song.json': zeros(60) })],
  ['a zip bomb whose headers claim 100 bytes', () => lieAboutSize(zip({ 'song.json': zeros(30) }), 100)],
  ['a bomb hidden in an entry we do not read', () => zip({ 'song.json': strToU8('{}'), 'versions/v1.mid': zeros(60) })],
  ['3000 entries', () => zip(Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`f${i}.txt`, strToU8('x')])))],
  ['a ../ entry name', () => zip({ '../../etc/evil.json': strToU8('{}'), 'song.json': strToU8('{}') })],
  ['an absolute entry name', () => zip({ '/etc/evil.json': strToU8('{}') })],
  ['a nested traversal name', () => zip({ 'versions/../../evil.mid': strToU8('x') })],
  ['random bytes', () => new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))],
  ['an empty body', () => new Uint8Array(0)],
  ['a PNG', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
  ['a truncated zip', () => zip({ 'song.json': strToU8('{"format":"innerchord-song"}') }).slice(0, 40)],
  ['a zip without song.json', () => zip({ 'readme.txt': strToU8('hello') })],
  ['song.json that is not JSON', () => zip({ 'song.json': strToU8('{"format": "innerchord-song", ') })],
  ['song.json of another format', () => zip({ 'song.json': strToU8('{"format":"something-else"}') })],
  ['song.json with wrong types', () => zip({ 'song.json': strToU8(JSON.stringify({ format: 'innerchord-song', formatVersion: 1, song: { title: 5 } })) })],
  ['song.json nested 100k deep', () => zip({ 'song.json': strToU8('['.repeat(100_000) + ']'.repeat(100_000)) })],
  ['song.json that is not UTF-8', () => zip({ 'song.json': new Uint8Array([0xff, 0xfe, 0xfd, 0x80, 0x81]) })],
  ['a JSON body sent as zip', () => '{"format":"innerchord-song"}'],
];

describe('POST /api/import against hostile files', () => {
  it.each(HOSTILE)('refuses %s with 400 and writes nothing', async (_name, make) => {
    const before = await rowCounts(t.db);
    const { status, json } = await importBytes(make());
    expect(status).toBe(400);
    expect(json.error?.code).toBe('INVALID_INPUT');
    expect(json.error?.message.length).toBeGreaterThan(10);
    expect(await rowCounts(t.db)).toEqual(before);
  }, 30_000);

  it('still imports a real export', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    await say(app, id, 'just make something sad in D minor');
    const exported = new Uint8Array(await (await app.request(`/api/songs/${id}/export`)).arrayBuffer());
    const { status } = await importBytes(exported);
    expect(status).toBe(201);
  });
});
