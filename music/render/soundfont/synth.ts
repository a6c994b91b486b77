/**
 * Render one part's channel messages through spessasynth_core (a SoundFont 2/3 synthesiser in plain
 * JavaScript, Apache-2.0) from a loaded General MIDI bank. Each part renders on its own synth so
 * the parts come out as stems; its reverb is its own, so the stems still sum to the mix.
 */
import { BasicSoundBank, SoundBankLoader, SpessaSynthProcessor } from 'spessasynth_core';
import type { ChannelEvent } from './events.ts';

/** Most frames per synth call (the core's block size). */
const BLOCK = 128;

/** A stereo stem. */
export interface StereoAudio {
  left: Float32Array;
  right: Float32Array;
  sampleRate: number;
}

/**
 * Parse SoundFont 2/3 bytes (the SF3 decoder is awaited first; samples decode lazily on first use).
 * Throws with the parser's reason when the bytes are not a sound bank.
 */
export async function loadSoundBank(bytes: ArrayBuffer): Promise<BasicSoundBank> {
  await BasicSoundBank.isSF3DecoderReady;
  return SoundBankLoader.fromArrayBuffer(bytes);
}

/** Whether the bank has its own preset for a melodic program (bank 0) or a drum kit. */
export function bankHasProgram(bank: BasicSoundBank, program: number, drums: boolean): boolean {
  return bank.presets.some((p) => p.program === program && (drums ? p.isGMGSDrum : !p.isGMGSDrum && p.bankMSB === 0));
}

/**
 * Play `events` on `channel` (9 = drums) and return `frames` of stereo audio, effects included;
 * each event lands on its own frame.
 */
export async function renderChannel(
  bank: BasicSoundBank,
  channel: number,
  events: readonly ChannelEvent[],
  sampleRate: number,
  frames: number,
  onProgress?: (fraction: number) => void | Promise<void>,
): Promise<StereoAudio> {
  const synth = new SpessaSynthProcessor(sampleRate, { effectsEnabled: true, eventsEnabled: false, maxBufferSize: BLOCK });
  synth.soundBankManager.addSoundBank(bank, 'main');
  await synth.processorInitialized;
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  let next = 0;
  let at = 0;
  // Render up to the next event's exact frame (at most BLOCK at a time), apply it, go on.
  while (at < frames) {
    while (next < events.length && Math.round(events[next]!.time * sampleRate) <= at) apply(synth, channel, events[next++]!);
    const due = next < events.length ? Math.round(events[next]!.time * sampleRate) : frames;
    const count = Math.min(BLOCK, frames - at, Math.max(1, due - at));
    synth.process(left, right, at, count);
    // Every two seconds of audio, report (a browser caller yields there so its page stays alive).
    if (onProgress && Math.floor((at + count) / (2 * sampleRate)) > Math.floor(at / (2 * sampleRate))) await onProgress((at + count) / frames);
    at += count;
  }
  // Not destroySynthProcessor(): that would destroy the bank the other parts share.
  synth.clearCache();
  return { left, right, sampleRate };
}

function apply(synth: SpessaSynthProcessor, channel: number, event: ChannelEvent): void {
  if (event.kind === 'on') synth.noteOn(channel, event.pitch, event.velocity);
  else if (event.kind === 'off') synth.noteOff(channel, event.pitch);
  else if (event.kind === 'program') synth.programChange(channel, event.program);
  else synth.controllerChange(channel, event.controller as Parameters<SpessaSynthProcessor['controllerChange']>[1], event.value);
}
