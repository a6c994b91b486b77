/**
 * The General MIDI soundfont synth in the browser: spessasynth_lib's AudioWorklet synth (the same
 * spessasynth_core engine and FluidR3 bank as the WAV export and `innerchord render`), living in
 * Tone's own AudioContext so the Transport's times are its times and its channels feed the
 * mixer's Tone.Channels. The bank is the sketch's subset (GET /soundbank/:name), fetched as soon
 * as a sketch arrives, and the synth itself (code, worklet, bank parsed) is made then too, so Play
 * only starts the context (player.ts).
 */
import type * as ToneNS from 'tone';
import type { Sketch } from '../../../music/index.ts';
import { sketchBankName } from '../../../music/render/soundfont/bankName.ts';
import type { ToneModule } from './instruments.ts';

/** Where the server serves per-sketch banks (server/soundbankRoutes.ts). */
export const BANK_BASE = '/soundbank';

/** Bank bytes by URL: one fetch per subset per page, shared by every player and the WAV export. */
const banks = new Map<string, Promise<ArrayBuffer>>();

/** URLs of banks fetched so far (read by tests and the bench). */
export const fetchedBanks: string[] = [];

/** The URL of the bank a sketch needs. */
export function bankUrl(sketch: Pick<Sketch, 'tracks'>, base = BANK_BASE): string {
  return `${base}/${sketchBankName(sketch)}`;
}

/**
 * Fetch (once) the sketch's bank. Rejects with a plain sentence when the server has no bank or
 * cannot be reached; a failed fetch is forgotten so a later Play tries again.
 */
export function fetchBank(url: string): Promise<ArrayBuffer> {
  let pending = banks.get(url);
  if (!pending) {
    fetchedBanks.push(url);
    pending = fetch(url).catch(() => {
      throw new Error('the server could not be reached for the sound bank');
    }).then(async (res) => {
      if (res.ok) return res.arrayBuffer();
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(body?.error?.message ?? `the sound bank request failed (HTTP ${res.status})`);
    });
    banks.set(url, pending);
    pending.catch(() => banks.delete(url));
  }
  return pending;
}

/**
 * A bank this page has fetched (or is fetching) that holds melodic GM `program`, or null (live play
 * takes its instrument from the sketch's bank). A subset's name lists its programs
 * (music/render/soundfont/bankName.ts: "gm-0.33.73-d0.sf3").
 */
export function bankWith(program: number): Promise<ArrayBuffer> | null {
  for (const [url, pending] of banks) {
    const melodic = /\/gm-([\d.]*)-d[\d.]*\.sf3$/.exec(url)?.[1];
    if (melodic?.split('.').filter(Boolean).map(Number).includes(program)) return pending;
  }
  return null;
}

/** The worklet module's URL (a separate file Vite copies; never in the initial bundle). */
async function processorUrl(): Promise<string> {
  return (await import('spessasynth_lib/dist/spessasynth_processor.min.js?url')).default;
}

/** How long Play waits for the worklet synth to report ready with its bank before the player falls back. */
export const READY_LIMIT_MS = 20_000;

/** `pending`, or a rejection with `message` once `ms` have passed (the timer starts now). */
export function withinLimit<T>(pending: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([pending, gaveUp]).finally(() => clearTimeout(timer));
}

/** Contexts whose worklet module is loaded (adding it twice would register the processor twice). */
const moduleLoaded = new WeakMap<object, Promise<void>>();

export type GmSynthesizer = import('spessasynth_lib').WorkletSynthesizer;

/**
 * A ready synth in `context` with `bank` loaded, its effects (reverb, chorus) output into Tone's
 * destination. Channels are connected by the caller (connectChannel) to the mixer.
 */
export async function createGmSynth(Tone: ToneModule, bank: ArrayBuffer, context: ToneNS.Context = Tone.getContext() as ToneNS.Context): Promise<{ synth: GmSynthesizer; effects: ToneNS.Gain }> {
  const [{ WorkletSynthesizer }, url] = await Promise.all([import('spessasynth_lib'), processorUrl()]);
  let loaded = moduleLoaded.get(context);
  if (!loaded) {
    loaded = context.addAudioWorkletModule(url);
    moduleLoaded.set(context, loaded);
    loaded.catch(() => moduleLoaded.delete(context));
  }
  await loaded;
  // Tone's context wraps the native one (standardized-audio-context): the worklet node must be
  // made through it, or the native AudioWorkletNode constructor refuses the wrapper.
  const synth = new WorkletSynthesizer(context.rawContext as unknown as BaseAudioContext, {
    audioNodeCreators: { worklet: (_c: BaseAudioContext, name: string, options?: AudioWorkletNodeOptions) => context.createAudioWorkletNode(name, options) as unknown as AudioWorkletNode },
  });
  const effects = new Tone.Gain({ context }).toDestination();
  // Output 0 carries reverb and chorus for all channels.
  (synth as unknown as { worklet: AudioNode }).worklet.connect(effects.input as unknown as AudioNode, 0);
  // No time limit here: the synth may be made before any gesture, in a context that is not running
  // yet. Whoever waits on it to play (the player's Play) bounds the wait with withinLimit.
  try {
    await Promise.all([synth.isReady, synth.soundBankManager.addSoundBank(bank.slice(0), 'main')]);
  } catch (e) {
    synth.destroy();
    effects.dispose();
    throw e;
  }
  return { synth, effects };
}
