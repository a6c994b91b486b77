import { describe, expect, it } from 'vitest';
import { createSseParser, readSse, type SseEvent } from '../../web/src/lib/sse.ts';

function parseAll(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const p = createSseParser((e) => events.push(e));
  for (const c of chunks) p.push(c);
  p.end();
  return events;
}

describe('SSE parser', () => {
  it('reads named events with JSON data', () => {
    const events = parseAll(['event: stored\ndata: {"a":1}\n\nevent: delta\ndata: {"text":"Hi"}\n\n']);
    expect(events).toEqual([
      { event: 'stored', data: '{"a":1}' },
      { event: 'delta', data: '{"text":"Hi"}' },
    ]);
  });

  it('joins events split at any byte boundary, including inside \\r\\n', () => {
    const text = 'event: delta\r\ndata: {"text":"one"}\r\n\r\nevent: done\r\ndata: {"ok":true}\r\n\r\n';
    const whole = parseAll([text]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(parseAll([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
    expect(whole.map((e) => e.event)).toEqual(['delta', 'done']);
  });

  it('joins multi-line data with newlines, ignores comments, defaults the event name', () => {
    expect(parseAll([': keep-alive\n', 'data: line one\ndata: line two\n\n'])).toEqual([
      { event: 'message', data: 'line one\nline two' },
    ]);
  });

  it('dispatches a final event without a trailing blank line at end of stream', () => {
    expect(parseAll(['event: done\ndata: {}'])).toEqual([{ event: 'done', data: '{}' }]);
  });

  it('does not dispatch events that carry no data', () => {
    expect(parseAll(['event: ping\n\n'])).toEqual([]);
  });

  it('decodes multi-byte UTF-8 split across stream chunks', async () => {
    const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"café ♪"}\n\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside "é"
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, cut));
        c.enqueue(bytes.slice(cut));
        c.close();
      },
    });
    const events: SseEvent[] = [];
    await readSse(body, (e) => events.push(e));
    expect(JSON.parse(events[0]!.data)).toEqual({ text: 'café ♪' });
  });
});
