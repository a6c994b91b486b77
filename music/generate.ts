/**
 * The engine's entry point: SongParameters + seed → Sketch. Pure and deterministic: the same
 * (params, seed, ENGINE_VERSION) always gives a deep-equal sketch. Randomness comes only from
 * seeded streams forked per part and per section, so a change scoped to one section leaves every
 * other section's notes identical (see arrange/sections.ts).
 */
import type { SongParameters } from './params.ts';
import { PPQ, type Note, type Sketch, type Track } from './sketch.ts';
import { ENGINE_VERSION } from './version.ts';
import { createRng } from './rng.ts';
import { meterInfo } from './theory/meter.ts';
import { scaleInfo } from './theory/scale.ts';
import { planForm } from './theory/form.ts';
import { planHarmony } from './harmony/progression.ts';
import { compChords } from './harmony/comping.ts';
import { writeMelody, trimOverlaps } from './melody/melody.ts';
import { writeBass } from './bass/bass.ts';
import { writeDrums } from './drums/drums.ts';
import { swingAmount } from './feel/swing.ts';
import { clip } from './feel/humanize.ts';
import { drumKitProgram, gmProgram } from './instruments.ts';
import { computeFacts } from './facts.ts';
import { harmonizeMelody } from './harmonize/chords.ts';
import { placeGiven, withGiven } from './harmonize/place.ts';
import { playPart, programChanges, splitBySection, type PartContext } from './arrange/sections.ts';
import { alignLanding, land, landedCadences, landingSlots } from './craft/ending.ts';
import { singable } from './melody/voice.ts';
import { orchestrate, sectionLayers, templateStages } from './arrange/orchestra.ts';

const byTime = (a: Note, b: Note) => a.start - b.start || a.pitch - b.pitch || a.duration - b.duration;

/**
 * Sort notes by time then pitch, so equal inputs give equal arrays. Most parts arrive in order
 * already; the sort is stable, so skipping it then leaves exactly the same array.
 */
function ordered(notes: Note[]): Note[] {
  for (let i = 1; i < notes.length; i++) if (byTime(notes[i - 1]!, notes[i]!) > 0) return notes.sort(byTime);
  return notes;
}

/** Make a sketch: generateSketch(parseParams({ key: 'D', mode: 'dorian' }), 7).tracks[0].name → "Melody". */
export function generateSketch(input: SongParameters, seed: number): Sketch {
  // Sections long enough for their words, the melody in the singer's range (music/melody/voice.ts).
  const params = singable(input).params;
  const rng = createRng(seed);
  const meter = meterInfo(params.meter, params.meterGrouping);
  const scale = scaleInfo(params.key, params.mode);
  const form = planForm(params, meter);
  const bars = form.reduce((n, s) => n + s.bars, 0);
  const totalTicks = bars * meter.ticksPerBar;
  const planned = planHarmony(params, scale, meter, form, rng.fork('harmony'));
  // The musician's own melody (music/harmonize): the chords are written around it, and it is kept note for note.
  const given = params.givenMelody ? placeGiven(params.givenMelody, form, meter) : null;
  const harmonized = given ? harmonizeMelody(given.notes, params, scale, meter, form, planned) : planned;
  // The song ends on its last bar's downbeat, every part together (craft/ending.ts) — unless the
  // musician gave the melody: their tune and the chords written around it are kept as they are.
  const lastSection = form[form.length - 1];
  const finalBar = !given && lastSection && lastSection.bars >= 2 ? totalTicks - meter.ticksPerBar : totalTicks;
  const landed = finalBar < totalTicks ? landingSlots(harmonized.slots, form, meter, scale) : harmonized.slots;
  const harmony = finalBar < totalTicks ? { slots: landed, cadences: landedCadences(harmonized.cadences, landed, scale) } : harmonized;
  const ending = (id: 'melody' | 'chords' | 'bass' | 'drums', notes: Note[]) => (finalBar < totalTicks ? land(id, notes, finalBar, totalTicks) : notes);
  const aligned = (notes: Note[]) => (finalBar < totalTicks ? alignLanding(notes, finalBar, totalTicks) : notes);

  const melody = given?.whole ? [] : writeMelody(params, scale, meter, form, harmony.slots, rng.fork('melody'));
  const chords = compChords(params, meter, form, harmony.slots);
  const bass = writeBass(params, scale, meter, form, harmony.slots, rng.fork('bass'));
  const drums = params.drums.enabled ? writeDrums(params, meter, form, rng.fork('drums')) : null;

  // The arrangement as played: the style's template for each section's energy under the musician's own (arrange/orchestra.ts).
  // Absent means follow (engine 3.2.0): only an explicit 'as-written' plays the sections' own arrangements alone.
  const follows = params.orchestration !== 'as-written';
  const arranged = follows ? orchestrate(params) : params;
  const ctx: PartContext = { params: arranged, meter, form, swing: swingAmount(params, meter), chordStarts: new Set(harmony.slots.map((s) => s.start)), rng, ...(follows ? { templates: templateStages(params) } : {}), ...(finalBar < totalTicks ? { landing: finalBar } : {}) };
  const pitched = (id: 'melody' | 'chords' | 'bass', name: string, channel: number, notes: Note[], mono: boolean): Track => {
    const played = ordered(aligned(clip(playPart(id, ending(id, notes), ctx, () => true), totalTicks)));
    const changes = programChanges(id, arranged, form);
    return {
      id,
      name,
      instrument: params.instruments[id],
      program: gmProgram(params.instruments[id]),
      channel,
      notes: mono ? trimOverlaps(played) : played,
      ...(changes.length ? { programChanges: changes } : {}),
    };
  };
  const melodyTrack = pitched('melody', 'Melody', 0, melody, true);
  // Not arranged, swung or humanised: every given note stays where the musician put it.
  if (given) melodyTrack.notes = withGiven(melodyTrack.notes, given);
  const chordsTrack = pitched('chords', 'Chords', 1, chords, false);
  // Layers in the chords' own instrument (a pad, the melody doubled): no extra track, so every export and the player keep four.
  const [melodyBy, chordsBy] = [splitBySection(melodyTrack.notes, form), splitBySection(chordsTrack.notes, form)];
  const layers = !follows ? [] : form.flatMap((section, i) =>
    sectionLayers({ played: arranged, section, chords: chordsBy[i] ?? [], melody: melodyBy[i] ?? [], spans: harmony.slots.filter((s) => s.start >= section.startTick && s.start < section.startTick + section.ticks) }),
  );
  if (layers.length) chordsTrack.notes = ordered(clip([...chordsTrack.notes, ...layers], totalTicks));
  const tracks: Track[] = [
    melodyTrack,
    chordsTrack,
    pitched('bass', 'Bass', 2, bass, true),
  ];
  if (drums) tracks.push({ id: 'drums', name: 'Drums', instrument: 'drums', program: drumKitProgram(params.drums.kit), channel: 9, notes: ordered(aligned(clip(playPart('drums', ending('drums', drums.notes), ctx, (i) => !(drums.grooves[i] ?? drums.groove).swung), totalTicks))) });

  const draft: Omit<Sketch, 'facts'> = {
    engineVersion: ENGINE_VERSION,
    seed,
    ppq: PPQ,
    tempo: params.tempo,
    meter: params.meter,
    ticksPerBar: meter.ticksPerBar,
    key: params.key,
    mode: scale.mode,
    bars,
    totalTicks,
    tracks,
    chords: harmony.slots.map((s) => ({ symbol: s.chord.symbol, roman: s.chord.roman, start: s.start, duration: s.duration, bar: s.bar })),
    sections: form.map((s) => ({ name: s.name, index: s.index, startTick: s.startTick, startBar: s.startBar, bars: s.bars, energy: s.energy, valence: s.valence, arousal: s.arousal })),
  };
  return { ...draft, facts: computeFacts(draft, scale, harmony, drums ? drums.grooves : null) };
}
