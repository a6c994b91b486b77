import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SongParameters } from '../music/params.ts';
import { main } from './main.ts';
import type { CliIO } from './io.ts';

/** Run the CLI in-process with captured output. */
async function cli(args: string[], env: Record<string, string | undefined> = {}, cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, env, cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-cli-'));
const file = (name: string, body: string) => { writeFileSync(path.join(dir, name), body); return path.join(dir, name); };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('innerchord interpret', () => {
  it('prints valid SongParameters JSON honouring explicit requests', async () => {
    const { code, stdout, stderr } = await cli(['interpret', '--offline', 'slow and sad, in D minor, 3/4']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const params = SongParameters.parse(JSON.parse(stdout));
    expect(params).toMatchObject({ key: 'D', mode: 'minor', meter: '3/4' });
    expect(params.tempo).toBeLessThanOrEqual(72);
  });
  it('answers offline when no LLM is configured, even without --offline', async () => {
    const { code, stdout } = await cli(['interpret', 'happy and bright']);
    expect(code).toBe(0);
    expect(SongParameters.parse(JSON.parse(stdout)).mode).toBe('major');
  });
  it('refuses empty text with one clear line and a non-zero exit', async () => {
    const { code, stdout, stderr } = await cli(['interpret', '--offline', '   ']);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/nothing to interpret/);
  });
});

describe('with an LLM configured (a real HTTP double of the chat API)', () => {
  let server: Server;
  let baseURL = '';
  let mode: 'answer' | 'fail' = 'answer';
  const answer = { key: 'G', mode: 'lydian', tempo: 101 };

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (mode === 'fail') { res.writeHead(500, { 'content-type': 'application/json' }); res.end('{"error":{"message":"boom"}}'); return; }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({
          id: 'x', object: 'chat.completion', created: 0, model: 'double',
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: JSON.stringify(answer) } }],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    baseURL = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('interpret uses the model’s answer', async () => {
    mode = 'answer';
    const { code, stdout } = await cli(['interpret', 'anything at all'], { OPENAI_BASE_URL: baseURL, OPENAI_MODEL: 'double' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject(answer);
  });
  it('--offline never calls the model', async () => {
    mode = 'answer';
    const { stdout } = await cli(['interpret', '--offline', 'sad'], { OPENAI_BASE_URL: baseURL });
    expect(JSON.parse(stdout).mode).not.toBe('lydian');
  });
  it('falls back to offline with a note on stderr when the model fails', async () => {
    mode = 'fail';
    const { code, stdout, stderr } = await cli(['revise', '--params', file('p.json', '{"tempo": 96}'), 'slower'], { OPENAI_BASE_URL: baseURL });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).tempo).toBe(80);
    expect(stderr).not.toBe('');
  });
});
