/**
 * A tiny Server-Sent Events parser for fetch() bodies. EventSource only does GET, and a turn is a
 * POST, so we read the stream ourselves. Pure: feed it text, it calls back with whole events.
 */
export interface SseEvent {
  event: string;
  data: string;
}

/** Make a parser: `const p = createSseParser(e => …); p.push(chunk); p.end();` */
export function createSseParser(onEvent: (e: SseEvent) => void) {
  let buffer = '';
  let event = '';
  let data: string[] = [];

  const dispatch = () => {
    // Per the spec, an event with no data lines is not dispatched.
    if (data.length > 0) onEvent({ event: event || 'message', data: data.join('\n') });
    event = '';
    data = [];
  };

  const line = (raw: string) => {
    if (raw === '') return dispatch();
    if (raw.startsWith(':')) return; // comment / keep-alive
    const colon = raw.indexOf(':');
    const field = colon === -1 ? raw : raw.slice(0, colon);
    let value = colon === -1 ? '' : raw.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };

  return {
    push(chunk: string) {
      buffer += chunk;
      // A trailing \r may be half of a \r\n split across chunks: hold it back until we know.
      const holdCr = buffer.endsWith('\r');
      const parts = (holdCr ? buffer.slice(0, -1) : buffer).split(/\r\n|\n|\r/);
      buffer = (parts.pop() ?? '') + (holdCr ? '\r' : '');
      for (const p of parts) line(p);
    },
    end() {
      if (buffer !== '') line(buffer.replace(/\r$/, ''));
      buffer = '';
      dispatch();
    },
  };
}

/** Read a fetch Response body as SSE, calling back for each event until the stream ends. */
export async function readSse(body: ReadableStream<Uint8Array>, onEvent: (e: SseEvent) => void): Promise<void> {
  const parser = createSseParser(onEvent);
  const reader = body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.push(decoder.decode(value, { stream: true }));
  }
  parser.push(decoder.decode());
  parser.end();
}
