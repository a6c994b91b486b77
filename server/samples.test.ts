import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleRoutes, samplesDir } from './samples.ts';

const app = sampleRoutes();

describe('GET /piano/:file', () => {
  it('serves a sample whose name contains "#" as audio/mpeg with long cache headers', async () => {
    const res = await app.request('/piano/D%234v10.mp3');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.headers.get('cache-control')).toContain('max-age=31536000');
    const body = new Uint8Array(await res.arrayBuffer());
    const onDisk = new Uint8Array(await readFile(join(samplesDir(), 'D#4v10.mp3')));
    expect(body.byteLength).toBe(onDisk.byteLength);
    expect(Buffer.compare(Buffer.from(body), Buffer.from(onDisk))).toBe(0);
  });

  it('serves a natural note too', async () => {
    const res = await app.request('/piano/A4v10.mp3');
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await app.request('/piano/A4v10.mp3', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(1000);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers 404 with the error shape for a well-formed name the package lacks', async () => {
    const res = await app.request('/piano/B8v10.mp3');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No such sample.' } });
  });

  it.each([
    '..%2Fpackage.json',
    '..%2F..%2F..%2Fpackage.json',
    '%2Fetc%2Fpasswd',
    'C4v10.mp3%00.txt',
    'index.js',
    'c4v10.mp3',
    'C4v10.wav',
    'H4v10.mp3',
    'C4v10.mp3.bak',
  ])('refuses %s with 404 before touching the file system', async (name) => {
    const res = await app.request(`/piano/${name}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toBe('audio/mpeg');
  });

  it('refuses traversal written as path segments', async () => {
    const res = await app.request('/piano/../package.json');
    expect(res.status).toBe(404);
  });
});
