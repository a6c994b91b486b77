/**
 * Piano-roll pictures of sketches for docs/craft/: `npx tsx eval/craft/pianoroll.ts <out-dir> [checkout]`.
 * Draws an SVG per statement (melody red on top, chords blue, bass green, drum hits as ticks along
 * the bottom, section names at their bar lines) and converts it to PNG with a headless
 * chromium screenshot (CHROMIUM, default /usr/bin/chromium) when one is installed.
 * The interpreter and engine are this checkout's; pass the root of an older checkout (e.g. one
 * made with `git archive <commit> music server lang prompts`) to draw the "before" pictures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Sketch } from '../../music/sketch.ts';

const STATEMENTS = [
  ['party', 'party anthem for friday night, everyone jumping'],
  ['grief', 'Le deuil de mon meilleur ami, le silence de sa chambre'],
  ['oma', 'Ein Lied für meine Oma, die immer Kuchen gebacken hat, warm und dankbar'],
  ['nostalgia', 'Nostalgia de Buenos Aires, las calles y el café de la esquina'],
] as const;

const COLOURS: Record<string, string> = { melody: '#d62728', chords: '#1f77b4', bass: '#2ca02c' };

export function pianoRoll(sketch: Sketch, title: string): string {
  const width = 1600;
  const height = 520;
  const top = 40;
  const roll = 430;
  const pitched = sketch.tracks.filter((t) => t.id !== 'drums').flatMap((t) => t.notes.map((n) => n.pitch));
  const [lo, hi] = [Math.min(...pitched) - 1, Math.max(...pitched) + 1];
  const x = (tick: number) => (tick / sketch.totalTicks) * (width - 20) + 10;
  const y = (pitch: number) => top + roll - ((pitch - lo) / (hi - lo)) * roll;
  const h = Math.max(2, roll / (hi - lo));
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="#fff"/>`, `<text x="10" y="22" font-family="sans-serif" font-size="16">${title}</text>`];
  for (const s of sketch.sections) {
    parts.push(`<line x1="${x(s.startTick)}" y1="${top}" x2="${x(s.startTick)}" y2="${top + roll}" stroke="#999" stroke-dasharray="3,3"/>`);
    parts.push(`<text x="${x(s.startTick) + 3}" y="${top + 12}" font-family="sans-serif" font-size="11" fill="#555">${s.name}</text>`);
  }
  for (const id of ['chords', 'bass', 'melody']) {
    const track = sketch.tracks.find((t) => t.id === id);
    for (const n of track?.notes ?? []) {
      parts.push(`<rect x="${x(n.start).toFixed(1)}" y="${(y(n.pitch) - h / 2).toFixed(1)}" width="${Math.max(1, x(n.start + n.duration) - x(n.start)).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLOURS[id]}" fill-opacity="${id === 'melody' ? 0.95 : 0.45}"/>`);
    }
  }
  const drums = sketch.tracks.find((t) => t.id === 'drums');
  for (const n of drums?.notes ?? []) parts.push(`<rect x="${x(n.start).toFixed(1)}" y="${top + roll + 10 + (n.pitch % 6) * 6}" width="1.2" height="5" fill="#444"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`;
}

const [outDir = 'docs/craft', root] = process.argv.slice(2);
const from = (file: string) => (root ? pathToFileURL(path.resolve(root, file)).href : new URL(`../../${file}`, import.meta.url).href);
const mod = (await import(from('music/generate.ts'))) as { generateSketch: (p: unknown, seed: number) => Sketch };
const { interpretOffline } = (await import(from('server/interpret/index.ts'))) as { interpretOffline: (text: string) => { params: unknown } };
mkdirSync(outDir, { recursive: true });
for (const [name, text] of STATEMENTS) {
  const sketch = mod.generateSketch(interpretOffline(text).params, 1);
  const svg = pianoRoll(sketch, `${text} — engine ${sketch.engineVersion}, seed 1, ${sketch.key} ${sketch.mode}, ${sketch.tempo} bpm, ${sketch.bars} bars`);
  const file = path.join(outDir, `${name}-${sketch.engineVersion}.svg`);
  writeFileSync(file, svg);
  const png = file.replace(/\.svg$/, '.png');
  try {
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--screenshot=${path.resolve(png)}`, '--window-size=1600,520', pathToFileURL(path.resolve(file)).href];
    execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', args, { stdio: 'ignore', timeout: 60_000 });
    console.log(png);
  } catch {
    console.log(`${file} (no chromium to screenshot it: SVG only)`);
  }
}
