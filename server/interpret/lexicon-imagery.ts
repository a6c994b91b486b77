/**
 * Imagery, places, seasons and times of day → [valence, arousal]: songs are often described by a
 * picture ("rain on the window", "a highway at night") rather than a feeling. Innerchord's own list,
 * MIT. Multi-word phrases are matched before single words so "empty room" counts once.
 */
import type { Affect } from './lexicon-feelings.ts';

export const IMAGERY: Readonly<Record<string, Affect>> = {
  rain: [-0.3, -0.35], rainy: [-0.3, -0.35], raining: [-0.3, -0.3], drizzle: [-0.25, -0.45], storm: [-0.4, 0.8], stormy: [-0.4, 0.75],
  thunder: [-0.3, 0.85], lightning: [-0.2, 0.85], hurricane: [-0.5, 0.95], wind: [-0.05, 0.3], breeze: [0.45, -0.4], fog: [-0.25, -0.55],
  mist: [-0.1, -0.55], clouds: [-0.15, -0.3], cloudy: [-0.25, -0.35], snow: [0.1, -0.55], snowfall: [0.15, -0.6], ice: [-0.3, -0.4],
  frost: [-0.2, -0.45], winter: [-0.3, -0.45], autumn: [-0.1, -0.35], fall: [-0.15, -0.3], spring: [0.6, 0.35], summer: [0.7, 0.5],
  sun: [0.7, 0.35], sunshine: [0.8, 0.4], sunlight: [0.7, 0.3], sunrise: [0.7, 0.25], dawn: [0.55, 0.05], morning: [0.45, 0.1],
  sunset: [0.35, -0.4], dusk: [0.0, -0.45], twilight: [0.05, -0.45], evening: [0.15, -0.4], night: [-0.1, -0.35], midnight: [-0.15, -0.2],
  moon: [0.25, -0.5], moonlight: [0.35, -0.55], stars: [0.5, -0.3], starlight: [0.5, -0.4], sky: [0.45, 0.0], horizon: [0.45, 0.15],
  ocean: [0.3, -0.2], sea: [0.25, -0.15], waves: [0.2, 0.3], tide: [0.1, -0.2], beach: [0.65, 0.2], shore: [0.35, -0.3],
  river: [0.3, -0.2], lake: [0.4, -0.55], stream: [0.4, -0.4], water: [0.25, -0.3], waterfall: [0.45, 0.4], island: [0.5, -0.1],
  fire: [0.0, 0.85], flames: [-0.1, 0.85], burning: [-0.2, 0.8], blaze: [0.0, 0.85], campfire: [0.55, -0.2], candle: [0.35, -0.55],
  candlelight: [0.45, -0.6], embers: [0.05, -0.5], smoke: [-0.25, -0.1], ashes: [-0.6, -0.45], ash: [-0.5, -0.45], ruins: [-0.6, -0.3],
  forest: [0.3, -0.35], woods: [0.15, -0.3], trees: [0.35, -0.3], garden: [0.6, -0.35], flowers: [0.7, -0.05], bloom: [0.7, 0.2],
  blossom: [0.7, 0.15], meadow: [0.6, -0.35], field: [0.4, -0.3], fields: [0.4, -0.3], mountain: [0.4, 0.2], mountains: [0.4, 0.2],
  valley: [0.3, -0.35], desert: [-0.2, -0.2], road: [0.2, 0.3], highway: [0.3, 0.6], driving: [0.35, 0.6], drive: [0.35, 0.55],
  train: [0.1, 0.4], journey: [0.4, 0.35], travel: [0.5, 0.4], runaway: [0.0, 0.7], running: [0.1, 0.75], flying: [0.6, 0.6],
  wings: [0.55, 0.4], birds: [0.55, 0.25], city: [0.15, 0.6], lights: [0.45, 0.45], neon: [0.3, 0.7], streets: [0.0, 0.4],
  club: [0.5, 0.85], crowd: [0.3, 0.75], stadium: [0.5, 0.85], festival: [0.75, 0.8], carnival: [0.7, 0.8], fireworks: [0.75, 0.9],
  house: [0.1, -0.2], room: [0.0, -0.3], kitchen: [0.4, -0.1], window: [0.05, -0.35], door: [0.0, 0.0], bed: [0.2, -0.55],
  hallway: [-0.1, -0.35], attic: [-0.05, -0.45], photographs: [0.0, -0.4], photo: [0.05, -0.35], letter: [0.05, -0.3], letters: [0.05, -0.3],
  church: [0.25, -0.45], cathedral: [0.3, -0.35], hymn: [0.4, -0.45], lullaby: [0.55, -0.85], cradle: [0.55, -0.7], baby: [0.7, 0.1],
  child: [0.55, 0.2], childhood: [0.35, -0.1], wedding: [0.8, 0.45], birthday: [0.75, 0.55], christmas: [0.7, 0.3], holiday: [0.7, 0.4],
  grave: [-0.7, -0.45], cemetery: [-0.65, -0.5], ghost: [-0.4, 0.1], ghosts: [-0.4, 0.1], shadow: [-0.35, -0.1], shadows: [-0.35, -0.1],
  hospital: [-0.55, 0.1], prison: [-0.7, 0.2], cage: [-0.6, 0.3], chains: [-0.6, 0.4], wall: [-0.3, -0.1], walls: [-0.35, -0.1],
  silence: [-0.05, -0.8], silent: [-0.05, -0.8], echo: [-0.1, -0.35], echoes: [-0.1, -0.35], whisper: [0.15, -0.7], heartbeat: [0.2, 0.45],
  coffee: [0.45, 0.2], wine: [0.35, -0.15], whiskey: [-0.1, 0.0], sunday: [0.5, -0.5], weekend: [0.65, 0.45], friday: [0.65, 0.6],
};

/** Phrases that mean more than their words; matched first, longest first. */
export const PHRASES: Readonly<Record<string, Affect>> = {
  'empty room': [-0.65, -0.65], 'empty house': [-0.65, -0.6], 'quiet house': [-0.4, -0.7], 'the house is quiet': [-0.45, -0.7],
  'broken heart': [-0.85, -0.15], 'let go': [0.2, -0.35], 'letting go': [0.2, -0.35], 'moving on': [0.35, 0.1], 'move on': [0.35, 0.1],
  'new beginning': [0.7, 0.35], 'fresh start': [0.7, 0.35], 'coming home': [0.65, 0.0], 'road trip': [0.7, 0.6], 'night drive': [0.15, 0.25],
  'falling apart': [-0.75, 0.35], 'fall apart': [-0.75, 0.35], 'fell apart': [-0.75, 0.3], 'fed up': [-0.55, 0.5], 'laid back': [0.45, -0.6],
  'over the moon': [0.9, 0.7], 'on top of the world': [0.9, 0.7], 'at peace': [0.6, -0.7], 'in love': [0.85, 0.45], 'fell in love': [0.85, 0.5],
  'falling in love': [0.85, 0.5], 'passed away': [-0.8, -0.3], 'miss you': [-0.5, -0.15], 'heavy heart': [-0.7, -0.35], 'worn out': [-0.45, -0.75],
  'burned out': [-0.6, -0.6], 'burnt out': [-0.6, -0.6], 'stressed out': [-0.6, 0.65], 'freaking out': [-0.6, 0.85], 'lit up': [0.7, 0.75],
  'get up and dance': [0.8, 0.9], 'open road': [0.65, 0.55], 'summer night': [0.65, 0.3], 'rainy day': [-0.3, -0.45], 'long night': [-0.35, -0.2],
  'fall in love': [0.85, 0.5], 'blue sky': [0.6, 0.1], 'blue skies': [0.6, 0.1], 'feeling down': [-0.55, -0.4], 'feel down': [-0.55, -0.4],
  'let down': [-0.6, 0.1], 'cheer up': [0.6, 0.4], 'sick of': [-0.6, 0.45], 'tired of': [-0.5, 0.25], 'sick and tired': [-0.6, 0.45],
  'give up': [-0.6, -0.3], 'giving up': [-0.6, -0.3], 'gave up': [-0.6, -0.3], 'hold on': [0.3, 0.2], 'holding on': [0.25, 0.2],
  'carry on': [0.35, 0.2], 'keep going': [0.4, 0.35], 'losing my mind': [-0.6, 0.75], 'lose my mind': [-0.6, 0.75], 'butterflies': [0.5, 0.6],
  'on edge': [-0.5, 0.6], 'at ease': [0.55, -0.6], 'peace of mind': [0.6, -0.6], 'end of the world': [-0.6, 0.5], 'racing heart': [-0.2, 0.8],
  'cup of tea': [0.5, -0.6], 'slow dance': [0.75, -0.3], 'last dance': [0.2, -0.2], 'first love': [0.75, 0.35], 'lost love': [-0.6, -0.2],
};
