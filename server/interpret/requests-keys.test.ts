import { describe, expect, it } from 'vitest';
import { interpretOffline } from './index.ts';

const read = (text: string) => {
  const { params, explicit } = interpretOffline(text);
  return { key: params.key, mode: params.mode, explicit };
};

describe('keys named in German, French and Spanish', () => {
  it.each([
    ['Ein Lied in d-Moll, ruhig', 'D', 'minor'],
    ['Bitte in Fis-Dur, fröhlich', 'F#', 'major'],
    ['ein trauriges Lied in B-Dur', 'Bb', 'major'],
    ['ein Lied in h-Moll', 'B', 'minor'],
    ['une chanson en ré mineur', 'D', 'minor'],
    ['en si bémol majeur, doucement', 'Bb', 'major'],
    ['una canción en mi menor', 'E', 'minor'],
    ['en fa sostenido menor y lento', 'F#', 'minor'],
    ['algo alegre en la mayor, por favor', 'A', 'major'],
    ['in H-Dur', 'B', 'major'],
    ['d-Moll', 'D', 'minor'],
    ['en ré mineur', 'D', 'minor'],
  ])('%j → %s %s', (text, key, mode) => {
    expect(read(text)).toMatchObject({ key, mode, explicit: expect.arrayContaining([`key ${key} ${mode}`]) });
  });

  it.each([
    ['Ein Blues in Moll, schleppend, so um die 70 bpm', 'minor'],
    ['ein fröhliches Lied in Moll', 'minor'],
    ['Ein Lied in Dur, traurig', 'major'],
    ['une chanson en mineur, joyeuse', 'minor'],
    ['une chanson triste en majeur', 'major'],
    ['una canción alegre en tono menor', 'minor'],
    ['una canción triste en modo mayor', 'major'],
  ])('%j asks for %s, whatever the feeling', (text, mode) => {
    expect(read(text)).toMatchObject({ mode, explicit: expect.arrayContaining([`mode ${mode}`]) });
  });

  it.each([
    'en la mayor parte del tiempo estoy triste', // most of the time
    'mi menor hijo se fue de casa', // my youngest son
    'me afecta en menor medida', // to a lesser extent
    'Mi mayor miedo es perderte', // my greatest fear
    'la mineure de la famille est triste', // the youngest girl
    'Am Ende war ich glücklich', // "Am" starts a German sentence
    "c'est si dur de partir", // French "dur" is hard, not German major
  ])('%j names no key', (text) => {
    expect(read(text).explicit.filter((e) => e.startsWith('key') || e.startsWith('mode'))).toEqual([]);
  });

  it('only in a message of its own language', () => {
    expect(read('I went to the store, in la mayor').explicit).toEqual([]);
  });
});
