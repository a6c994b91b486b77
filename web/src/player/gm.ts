/**
 * The General MIDI soundfont synth in the browser: spessasynth_lib's AudioWorklet synth (the same
 * spessasynth_core engine and FluidR3 bank as the WAV export and `innerchord render`), living in
 * Tone's own AudioContext so the Transport's times are its times and its channels feed the
 * mixer's Tone.Channels. The bank is the sketch's subset (GET /soundbank/:name), fetched as soon
 * as a sketch arrives; the synth code and its worklet load only on first use.
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

/** The worklet module's URL (a separate file Vite copies; never in the initial bundle). */
async function processorUrl(): Promise<string> {
  return (await import('spessasynth_lib/dist/spessasynth_processor.min.js?url')).default;
}

/** How long the worklet synth may take to report ready with its bank before the player falls back. */
const READY_LIMIT_MS = 20_000;

/**
 * Warm everything the first Play needs that does not need an AudioContext: the synth's code and
 * its worklet file (into the HTTP cache), so Play only compiles and starts them.
 */
export function prewarmSynth(): void {
  void import('spessasynth_lib').catch(() => {});
  void processorUrl().then((url) => fetch(url)).catch(() => {});
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
  // A worklet that fails inside (say, its decoder blocked by a policy) never answers: give up after
  // a while so the player can say so and fall back, rather than stay "loading" for good.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the instrument synth did not start')), READY_LIMIT_MS)));
  try {
    await Promise.race([Promise.all([synth.isReady, synth.soundBankManager.addSoundBank(bank.slice(0), 'main')]), gaveUp]);
  } catch (e) {
    synth.destroy();
    effects.dispose();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return { synth, effects };
}
