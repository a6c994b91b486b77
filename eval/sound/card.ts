/**
 * The sound scorecard (issue #17): through the General MIDI bank the CLI and the app share,
 * - timbre: the same melody on four instruments must give four different tone colours (pairwise
 *   cosine of averaged magnitude spectra ≤ 0.9; real GM instruments measure about 0.5–0.85),
 *   over three instrument families and three songs (all pairs of the issue's four, ≥ 90% of the rest);
 * - loudness: twenty songs across the styles, tempos and kits land at about −16 LUFS integrated
 *   (spread ≤ 2 LU) with no peak over −1 dBFS.
 * `npm run eval sound` prints only this card.
 */
import type { BasicSoundBank } from 'spessasynth_core';
import { generateSketch } from '../../music/generate.ts';
import { parseParams, type Instrument, type SongParametersInput } from '../../music/params.ts';
import { MASTER_DEFAULTS } from '../../music/render/master.ts';
import { partEvents } from '../../music/render/soundfont/events.ts';
import { renderChannel } from '../../music/render/soundfont/synth.ts';
import { averageSpectrum, cosineSimilarity } from '../../music/render/spectrum.ts';
import { renderStems } from '../../music/render/stems.ts';
import { renderSeconds } from '../../music/render/timing.ts';
import { applyStyle } from '../../music/styles/apply.ts';
import { TEMPLATES } from '../../music/styles/templates.ts';
import { readSoundBank } from '../../server/soundbank.ts';

const RATE = 44_100;
export const TIMBRE_LIMIT = 0.9;
/** Share of all pairs that must differ; the issue's own four instruments must always all differ. */
export const TIMBRE_SHARE = 0.9;
export const LOUDNESS_SPREAD_LIMIT = 2;

const FAMILIES: Instrument[][] = [
  ['flute', 'cello', 'trumpet', 'saxophone'],
  ['sitar', 'koto', 'fiddle', 'accordion'],
  ['oboe', 'french horn', 'harmonica', 'kalimba'],
];

const SONGS: SongParametersInput[] = [
  { key: 'D', mode: 'dorian', tempo: 92, sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4, energy: 0.8 }] },
  { key: 'Bb', mode: 'major', tempo: 126, sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4, energy: 0.9 }] },
  { key: 'F#', mode: 'minor', tempo: 70, meter: '3/4', sections: [{ name: 'verse', bars: 6 }] },
];

async function timbre(bank: BasicSoundBank) {
  const lines: string[] = [];
  let pairs = 0;
  let passed = 0;
  let worst = 0;
  let issueFamilyOk = true;
  for (const [s, song] of SONGS.entries()) {
    for (const family of FAMILIES) {
      const spectra = [];
      for (const melody of family) {
        const sketch = generateSketch(parseParams({ ...song, instruments: { melody, chords: 'piano', bass: 'electric bass' } }), 11 + s);
        const track = sketch.tracks.find((t) => t.id === 'melody')!;
        const audio = await renderChannel(bank, track.channel, partEvents(sketch, track), RATE, Math.ceil(renderSeconds(sketch) * RATE));
        spectra.push(averageSpectrum(Float32Array.from(audio.left, (l, i) => l + audio.right[i]!)));
      }
      const cosines: number[] = [];
      for (let a = 0; a < family.length; a++) for (let b = a + 1; b < family.length; b++) cosines.push(cosineSimilarity(spectra[a]!, spectra[b]!));
      pairs += cosines.length;
      passed += cosines.filter((c) => c <= TIMBRE_LIMIT).length;
      worst = Math.max(worst, ...cosines);
      if (family === FAMILIES[0] && cosines.some((c) => c > TIMBRE_LIMIT)) issueFamilyOk = false;
      lines.push(`  song ${s + 1} ${family.join(' / ').padEnd(40)} cosines ${cosines.map((c) => c.toFixed(2)).join(' ')}`);
    }
  }
  return { lines, pairs, passed, worst, issueFamilyOk };
}

/** Twenty songs: every style template in turn (its own instruments, tempo and kit), two seeds where there are fewer than twenty. */
function loudnessSongs() {
  const kits = ['standard', 'room', 'brush', 'jazz', 'power'] as const;
  return Array.from({ length: 20 }, (_, i) => {
    const template = TEMPLATES[i % TEMPLATES.length]!;
    const base = parseParams({ key: ['C', 'E', 'G', 'A', 'Eb'][i % 5], mode: i % 2 ? 'minor' : 'major', sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4, energy: 0.85 }], drums: { kit: kits[i % kits.length] } });
    return { name: template.name, params: applyStyle(base, template.name), seed: 100 + i };
  });
}

export async function soundScorecard(): Promise<{ ok: boolean; text: string }> {
  let bank: BasicSoundBank;
  try {
    bank = await readSoundBank();
  } catch (error) {
    return { ok: false, text: `sound: the sound bank could not be read (${(error as Error).message})` };
  }
  const t = await timbre(bank);
  const lines = ['sound — timbre (same melody, four instruments; pairwise spectral cosine ≤ 0.9)', ...t.lines];
  lines.push(`  ${t.passed}/${t.pairs} pairs ≤ ${TIMBRE_LIMIT} (worst ${t.worst.toFixed(3)}); the issue's four (flute, cello, trumpet, saxophone): ${t.issueFamilyOk ? 'all pairs' : 'NOT all pairs'}`);
  lines.push('sound — loudness over 20 songs (target −16 LUFS, peak ≤ −1 dBFS)');
  const measured: { name: string; lufs: number; peak: number }[] = [];
  for (const song of loudnessSongs()) {
    const sketch = generateSketch(song.params, song.seed);
    const render = await renderStems(sketch, { bank, style: song.name, sampleRate: RATE, fallback: () => Promise.reject(new Error('the bank is loaded')) });
    measured.push({ name: song.name, lufs: render.lufs, peak: render.peak });
  }
  for (const m of measured) lines.push(`  ${m.name.padEnd(18)} ${m.lufs.toFixed(2)} LUFS  peak ${(20 * Math.log10(m.peak)).toFixed(2)} dBFS`);
  const lufs = measured.map((m) => m.lufs);
  const spread = Math.max(...lufs) - Math.min(...lufs);
  const peak = Math.max(...measured.map((m) => m.peak));
  lines.push(`  spread ${spread.toFixed(2)} LU (limit ${LOUDNESS_SPREAD_LIMIT}), loudest peak ${(20 * Math.log10(peak)).toFixed(2)} dBFS`);
  const ok = t.issueFamilyOk && t.passed >= TIMBRE_SHARE * t.pairs && spread <= LOUDNESS_SPREAD_LIMIT && peak <= MASTER_DEFAULTS.ceiling + 1e-6;
  lines.push(`sound ${ok ? 'OK' : 'BELOW TARGET'}`);
  return { ok, text: lines.join('\n') };
}

if (process.argv[1]?.endsWith('eval/sound/card.ts')) {
  const card = await soundScorecard();
  console.log(card.text);
  if (!card.ok) process.exitCode = 1;
}
