import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jsonErrorOffset, readJsonFile } from './readInput.ts';
import type { CliIO } from './io.ts';

describe('jsonErrorOffset', () => {
  const cases: [string, number][] = [
    ['{"a": }', 6],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['{"a": 1', 7],
    ['', 0],
    ['{"a": tru}', 6],
    ["{'a': 1}", 1],
    ['{"a": 1}}', 8],
    ['[1, 2,, 3]', 6],
    ['{"a": "line\nbreak"}', 11],
  ];
  it.each(cases)('finds where %j goes wrong (%i)', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });
});

describe('readJsonFile', () => {
  const io: CliIO = { stdout: () => {}, stderr: () => {}, env: {}, cwd: mkdtempSync(path.join(tmpdir(), 'innerchord-json-')) };

  it('names the line and column of a JSON mistake', () => {
    writeFileSync(path.join(io.cwd, 'bad.json'), '{\n  "tempo": 72,\n  "key": D\n}\n');
    expect(() => readJsonFile('bad.json', io)).toThrow(/^bad\.json is not valid JSON at line 3, column 10 \(position 26\): Unexpected token 'D'$/);
  });

  it('reads valid JSON, with or without a byte-order mark', () => {
    writeFileSync(path.join(io.cwd, 'ok.json'), '\uFEFF{"tempo": 72}');
    expect(readJsonFile('ok.json', io)).toEqual({ tempo: 72 });
  });
});
