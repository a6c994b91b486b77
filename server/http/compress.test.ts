/** API answers compressed off the request thread: the same bytes once decoded, and hono/compress's rules kept. */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { gunzipSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressAnswers } from './compress.ts';

// Varied text, so the size is realistic rather than one letter repeated.
const big = { notes: Array.from({ length: 600 }, (_, i) => ({ pitch: 40 + ((i * 7) % 37), tick: i * 120, velocity: 60 + ((i * 13) % 50) })) };
const app = new Hono();
app.use('*', compressAnswers());
app.get('/big', (c) => c.json(big));
app.get('/small', (c) => c.json({ ok: true }));
app.get('/events', (c) => streamSSE(c, async (s) => s.writeSSE({ event: 'done', data: JSON.stringify(big) })));

const get = (path: string, encoding?: string, method = 'GET') => app.request(path, { method, headers: encoding ? { 'accept-encoding': encoding } : {} });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('compressAnswers', () => {
  it('gzips a large JSON answer when accepted: the same JSON once decoded, with its length and Vary', async () => {
    const res = await get('/big', 'gzip, deflate, br');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    const body = await bytes(res);
    expect(Number(res.headers.get('content-length'))).toBe(body.byteLength);
    expect(JSON.parse(gunzipSync(body).toString())).toEqual(big);
    expect(body.byteLength).toBeLessThan(JSON.stringify(big).length / 3);
  });

  it('uses deflate when only deflate is accepted, and sends plain JSON when nothing is', async () => {
    const deflated = await get('/big', 'deflate');
    expect(deflated.headers.get('content-encoding')).toBe('deflate');
    expect(JSON.parse(inflateSync(await bytes(deflated)).toString())).toEqual(big);
    const plain = await get('/big');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.json()).toEqual(big);
    const refused = await get('/big', 'gzip;q=0, identity');
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('leaves small answers, SSE streams and HEAD requests alone', async () => {
    const small = await get('/small', 'gzip');
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    const events = await get('/events', 'gzip');
    expect(events.headers.get('content-encoding')).toBeNull();
    expect(await events.text()).toContain('event: done');
    expect((await get('/big', 'gzip', 'HEAD')).headers.get('content-encoding')).toBeNull();
  });
});
