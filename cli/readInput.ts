/**
 * Reading the files a user names on the command line, with errors they can act on: which file,
 * what is wrong, and for JSON the line and column where it goes wrong.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CliError, type CliIO } from './io.ts';

/** The bytes of `file` (relative to the CLI's cwd), or a CliError saying why not. */
export function readUserFile(file: string, io: CliIO): Uint8Array {
  try {
    return readFileSync(path.resolve(io.cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((error as Error).message);
    throw new CliError(`cannot read ${file}: ${why}`);
  }
}

/** Parse `file` as JSON, or a CliError like "params.json is not valid JSON at line 3, column 9: …". */
export function readJsonFile(file: string, io: CliIO): unknown {
  const text = new TextDecoder().decode(readUserFile(file, io)).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    const at = jsonErrorOffset(text);
    const before = text.slice(0, at).split('\n');
    // V8 quotes the text around the mistake (newlines and all); the position says it better.
    const reason = (error as Error).message
      .replace(/, (?:\.\.\.)?".*is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/\s+/g, ' ');
    throw new CliError(`${file} is not valid JSON at line ${before.length}, column ${before.at(-1)!.length + 1} (position ${at}): ${reason}`);
  }
}

/**
 * Offset of the first character that makes `text` invalid JSON (text.length if it ends too soon).
 * Node 20 names the position for some mistakes but not all, so we find it ourselves.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (at: number): never => {
    throw at;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return container('}', true);
    if (c === '[') return container(']', false);
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) fail(i);
    i += literal![0].length;
  };
  const string = () => {
    for (i++; i < text.length; i++) {
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c === '\\') i += text[i + 1] === 'u' ? 5 : 1;
      else if (c < ' ') fail(i);
    }
    fail(text.length);
  };
  const container = (close: string, keyed: boolean) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      if (keyed) {
        ws();
        if (text[i] !== '"') fail(i);
        string();
        ws();
        if (text[i] !== ':') fail(i);
        i++;
      }
      value();
      ws();
      if (text[i] === close) return void i++;
      if (text[i] !== ',') fail(i);
      i++;
    }
  };
  try {
    value();
    ws();
    return i < text.length ? i : text.length;
  } catch (at) {
    return Math.min(at as number, text.length);
  }
}
