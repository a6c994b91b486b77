import { describe, expect, it } from 'vitest';
import { loadPianoSamples } from '../../web/src/player/samples.ts';

/** A fake fetch over a table of paths; records what was asked. */
function server(files: Record<string, number>) {
  const asked: string[] = [];
  const get = (async (url: string) => {
    asked.push(url);
    const n = files[url];
    return n === undefined ? new Response('nope', { status: 404 }) : new Response(new Uint8Array([n]));
  }) as typeof fetch;
  return { asked, get };
}

/** Decoding stands in as "the first byte, as a one-sample buffer". */
const decode = async (bytes: ArrayBuffer) => ({ length: new Uint8Array(bytes)[0]! }) as unknown as AudioBuffer;

describe('piano sample loading', () => {
  it('fetches each wanted file once, URL-encoding the # of sharps, and keys buffers by MIDI note', async () => {
    const { asked, get } = server({ '/s/C4v10.mp3': 60, '/s/D%234v10.mp3': 63 });
    const into = new Map<number, AudioBuffer>();
    await loadPianoSamples({ wanted: [{ midi: 60, file: 'C4v10.mp3' }, { midi: 63, file: 'D#4v10.mp3' }], into, decode, base: '/s/', fetch: get });
    expect(asked.sort()).toEqual(['/s/C4v10.mp3', '/s/D%234v10.mp3']);
    expect([...into].map(([m, b]) => [m, b.length])).toEqual([[60, 60], [63, 63]]);
  });

  it('skips samples already decoded (the player keeps them across sketches)', async () => {
    const { asked, get } = server({ '/s/C4v10.mp3': 60 });
    const into = new Map<number, AudioBuffer>([[63, await decode(new Uint8Array([1]).buffer)]]);
    await loadPianoSamples({ wanted: [{ midi: 60, file: 'C4v10.mp3' }, { midi: 63, file: 'D#4v10.mp3' }], into, decode, base: '/s/', fetch: get });
    expect(asked).toEqual(['/s/C4v10.mp3']);
    expect(into.size).toBe(2);
  });

  it('rejects with a sentence naming the missing file and its status', async () => {
    const { get } = server({});
    await expect(loadPianoSamples({ wanted: [{ midi: 66, file: 'F#4v10.mp3' }], into: new Map(), decode, base: '/s/', fetch: get })).rejects.toThrow(
      'Could not load the piano sample F#4v10.mp3 (404).',
    );
  });

  it('asks the app’s own sample route when no base is given', async () => {
    const { asked, get } = server({ '/samples/piano/A0v10.mp3': 21 });
    await loadPianoSamples({ wanted: [{ midi: 21, file: 'A0v10.mp3' }], into: new Map(), decode, fetch: get });
    expect(asked).toEqual(['/samples/piano/A0v10.mp3']);
  });
});
