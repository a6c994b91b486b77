import { describe, expect, it } from 'vitest';
import { readEmotionDetail } from './emotion.ts';

const read = (text: string) => readEmotionDetail(text);

describe('words added in mood round seven (docs/MOOD.md)', () => {
  it.each([
    ['I keep thinking of my late husband at the window.', 'late husband'],
    ['Mi difunto marido plantó ese árbol.', 'difunto marido'],
    ['Me entra una morriña tremenda los domingos.', 'morriña'],
    ['Graduated today. I wish he was here.', 'wish he was here'],
    ['En el coche me quebré.', 'me quebré'],
    ['Mi abuelo no llegó a verlo.', 'no llegó a ver'],
  ])('%j is a sorrow (%s)', (text, label) => {
    const hit = read(text).hits.find((h) => h.label.includes(label))!;
    expect(hit, label).toBeDefined();
    expect(hit.valence).toBeLessThan(-0.2);
  });

  it('"a mort", typed without its accent, intensifies as "à mort" does, and is not death', () => {
    const r = read('je suis stressé a mort');
    expect(r.hits.map((h) => h.label)).toEqual(['stressé a mort']);
    expect(r.hits[0]!.weight).toBeGreaterThan(read('je suis stressé').hits[0]!.weight);
  });

  it('French "dégoûté" is gutted and stirred up, not listless', () => {
    expect(read('trop dégoûté').arousal).toBeGreaterThan(0.3);
  });

  it('applause is joy in Spanish and German', () => {
    expect(read('todos aplaudimos').valence).toBeGreaterThan(0.3);
    expect(read('Der Applaus war riesig').valence).toBeGreaterThan(0.3);
  });

  it('a picture of several words in the imagery table is read, at the weight of a picture', () => {
    const hit = read("une pluie d'été sur la ville").hits.find((h) => h.label === "pluie d'été")!;
    expect(hit).toBeDefined();
    expect(hit.weight).toBeLessThan(1);
  });

  it.each([
    ['Ich stand staunend unter dem Nordlicht.', 'staunend'],
    ["J'étais émerveillé devant la mer.", 'émerveillé'],
    ['Un asombro enorme frente al mar.', 'asombro'],
    ['I stood there in total awe of the mountains.', 'awe'],
  ])('awe is wide and still, not excited: %j', (text, word) => {
    const hit = read(text).hits.find((h) => h.label.includes(word))!;
    expect(hit.valence).toBeGreaterThan(0.4);
    expect(hit.arousal).toBeLessThan(0.3);
  });

  it('"March" the month is not a march, the song: it gives a sorrow no song-focus weight', () => {
    expect(read('we lost my dad in March').hits[0]!.weight).toBe(read('we lost my dad').hits[0]!.weight);
  });

  it('a wish for a song is a request: what follows the song describes it, not a feeling missing', () => {
    expect(read("Je voudrais une chanson pour les noces d'or de ma sœur.").valence).toBeGreaterThan(0.5);
    expect(read('Me gustaría una canción alegre').valence).toBeGreaterThan(0.5);
    expect(read('je voudrais être heureuse').valence).toBeLessThan(0);
  });

  it('"pure", "sheer", "puro" strengthen the feeling after them and are not feelings of their own', () => {
    expect(read('pure rage').hits.map((h) => h.label)).toEqual(['pure rage']);
    expect(read('pure rage').valence).toBeLessThan(-0.8);
    expect(read('pura alegría').hits.map((h) => h.label)).toEqual(['pura alegría']);
  });

  it.each(['My wife passed in March.', 'Her husband passed last year.'])('%j is a death', (text) => {
    expect(read(text).valence).toBeLessThan(-0.5);
  });

  it('"laughed out loud" is laughter, not a loud sound', () => {
    expect(read('I laughed out loud at the radio').hits.map((h) => h.label)).toEqual(['laughed out loud']);
  });

  it.each([
    ['I have to force myself to get up', 'force myself'],
    ['Morgens muss ich mich zwingen, aufzustehen', 'mich zwingen'],
    ['je dois me forcer à sortir', 'me forcer'],
    ['me obligo a salir de casa', 'me obligo a'],
  ])('dragging oneself through the day is a weight: %j', (text, label) => {
    const hit = read(text).hits.find((h) => h.label.includes(label))!;
    expect(hit.valence).toBeLessThan(-0.3);
  });

  it('heartbreak in French and Spanish is one sorrow, not love plus grief', () => {
    expect(read("Chagrin d'amour.").valence).toBeLessThan(-0.5);
    expect(read('Tengo mal de amores').valence).toBeLessThan(-0.5);
  });

  it('a Supermarkt is no compound of "super"', () => {
    expect(read('Ich weine im Auto vor dem Supermarkt.').hits.map((h) => h.label)).toEqual(['weine']);
  });

  it('going somewhere alone is not loneliness ("fui sola hasta Rosario")', () => {
    expect(read('Anoche fui sola hasta Rosario con la música a todo volumen').valence).toBeGreaterThan(0);
    expect(read('Me siento sola').valence).toBeLessThan(-0.3);
  });

  it('a run of exclamation marks on news that is not bad is excitement', () => {
    expect(read('¡¡APROBÉ!!').arousal).toBeGreaterThanOrEqual(0.5);
    expect(read('my grandma taught me to make tortillas!!!').arousal).toBeGreaterThanOrEqual(0.5);
    expect(read('my grandma taught me to make tortillas.').arousal).toBeLessThan(0.5);
    expect(read('my dog died!!').arousal).toBeLessThan(0.5);
  });

  it.each([
    ["Ils veulent que ça bouge et qu'on puisse taper dans les mains !", 0.5],
    ['Something the whole class can clap along to', 0.5],
    ['Ein Lied zum Mitklatschen', 0.5],
    ['Queremos que se mueva y dar palmas', 0.5],
  ])('a song to move and clap to is lively: %j', (text, floor) => {
    expect(read(text).arousal).toBeGreaterThanOrEqual(floor);
  });

  it('a denial with a shrug after it ("c\'est tout", "y ya") protests too much', () => {
    expect(read("Je ne regrette pas d'avoir vendu le chalet. C'est tout.").valence).toBeLessThan(0);
    expect(read('No estoy enojada. Nadie vino y ya.').valence).toBeLessThan(0);
  });

  it.each(["je vois bien qu'il grandit trop vite", "she's growing up too fast"])('a child growing up too fast is bittersweet, not a tempo: %j', (text) => {
    const r = read(text);
    expect(r.mixed).toBe(true);
    expect(r.arousal).toBeLessThan(0.3);
  });

  it.each(['con la música a todo volumen', 'music at full blast'])('music at full volume is loud: %j', (text) => {
    expect(read(text).arousal).toBeGreaterThan(0.6);
  });
});
