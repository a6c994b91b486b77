import { describe, expect, it } from 'vitest';
import { readEmotionDetail } from './emotion.ts';
import { interpretOffline } from './interpret.ts';

const read = (text: string) => readEmotionDetail(text);

describe('a reassurance beside bad news masks it', () => {
  it.each([
    ["I'm fine. My dad is in hospital again.", "I'm fine."],
    ['Alles gut, echt. Hab nur meinen Job verloren.', 'Alles gut, echt.'],
    ['Tout va bien, je vais bien. Mon chien est mort hier.', 'Tout va bien, je vais bien.'],
    ['Estoy bien, no pasa nada. Solo me despidieron del trabajo.', 'Estoy bien, no pasa nada.'],
  ])('%j reads darker than the reassurance alone, and dark', (text, alone) => {
    const masked = read(text);
    expect(masked.valence).toBeLessThan(0);
    expect(masked.valence).toBeLessThan(read(alone).valence);
    expect(masked.hits.filter((h) => h.reassurance).every((h) => h.valence < 0)).toBe(true);
  });

  it.each([
    ["It was an awful year, but now I'm fine.", 'en'],
    ['Es war ein schrecklicher Winter, aber jetzt ist alles gut.', 'de'],
    ["C'était horrible, mais maintenant tout va bien.", 'fr'],
  ])('after a contrast it is an arrival: %j', (text) => {
    const r = read(text);
    expect(r.hits.find((h) => h.reassurance)!.valence).toBeGreaterThan(0);
  });

  it('is what it says with no bad news near', () => {
    expect(read('All good here, just a quiet Sunday with tea.').valence).toBeGreaterThan(0.2);
    expect(read('Todo bien, todo tranquilo.').valence).toBeGreaterThan(0.2);
  });

  it('a denied reassurance is not one ("not fine")', () => {
    expect(read("I'm not fine. I lost my job.").hits.some((h) => h.reassurance)).toBe(false);
  });
});

describe('praise in an ironic message is sarcasm', () => {
  it.each([
    'Wonderful, my car broke down on the motorway again 🙃',
    'Super, le train est encore annulé. Génial. 🙄',
    'Perfecto, otra vez sin luz en casa 🙃',
  ])('%j reads bitter', (text) => {
    expect(read(text).valence).toBeLessThan(-0.1);
  });

  it('the same praise without the irony sign stays bright', () => {
    expect(read('Wonderful, my sister is coming home for Christmas 🙂').valence).toBeGreaterThan(0.3);
  });

  it('praise after a contrast is meant ("… but honestly, I loved it")', () => {
    const r = read('The wedding was chaos 🙃 but honestly, I loved it.');
    expect(r.hits.find((h) => h.label.includes('loved'))!.valence).toBeGreaterThan(0);
  });
});

describe('what stopped, in a clause of its own', () => {
  it.each([
    ['Die Beine wollen nicht mehr, aber wir haben viel gelacht.', 'nicht mehr', 'Wir haben viel gelacht.'],
    ['Mi madre ya no me reconoce, pero cantamos juntas.', 'ya no', 'Cantamos juntas.'],
    ['He never calls anymore, but the garden is lovely this year.', 'anymore', 'The garden is lovely this year.'],
  ])('%j hears the loss beside the joy', (text, marker, joyAlone) => {
    const r = read(text);
    expect(r.hits.some((h) => h.label.includes(marker) && h.valence < 0)).toBe(true);
    expect(r.valence).toBeLessThan(read(joyAlone).valence);
  });

  it('a feeling in the same clause keeps it ("not scared anymore")', () => {
    const r = read("I'm not scared anymore, and the garden is lovely.");
    expect(r.hits.some((h) => h.label === 'anymore')).toBe(false);
  });

  it('spoken French drops the "ne": "maman va plus avoir le temps"', () => {
    expect(read('Je suis content, mais maman va plus avoir le temps de jouer').hits.some((h) => h.label.includes('va plus') && h.valence < 0)).toBe(true);
  });
});

describe('a comma before "dass", "que", "that" opens no clause', () => {
  it('"Angst, dass …" is a worry about something, not panic', () => {
    const hit = read('Ich habe Angst, dass er nicht zurückkommt.').hits.find((h) => h.label.startsWith('angst'))!;
    expect(hit.label).toBe('angst, dass');
    expect(hit.arousal).toBeLessThan(0.5);
  });
});

describe('styles a musician names', () => {
  it('"pop punk" is punk, "pop rock" rock: the last word names the genre', () => {
    expect(interpretOffline('a pop punk song about summer').params.style).toBe('punk');
    expect(interpretOffline('a pop punk song about summer').params.tempo).toBeGreaterThanOrEqual(150);
    expect(interpretOffline('a pop rock song about summer').params.style).toBe('rock');
    expect(interpretOffline('a pop song about summer').params.style).toBe('pop');
  });

  it('lo-fi is soft whatever the feeling', () => {
    expect(interpretOffline('an excited lo-fi beat').params.dynamics.level).toBeLessThanOrEqual(0.5);
  });

  it('metal is minor unless the mode was named, and says so', () => {
    const p = interpretOffline('a happy metal song').params;
    expect(['minor', 'aeolian', 'dorian', 'phrygian']).toContain(p.mode);
    expect(p.rationale.find((r) => r.aspect === 'mode')!.because).toMatch(/^Metal is played in the minor modes/);
    expect(interpretOffline('a metal song in E major').params.mode).toBe('major');
  });

  it('heavy guitars are rock, in four languages', () => {
    for (const t of ['heavy guitars please', 'mit schweren Gitarren', 'avec des guitares saturées', 'con guitarras distorsionadas']) expect(interpretOffline(t).params.style, t).toBe('rock');
  });
});

describe('beside excitement, nerves are its energy', () => {
  it.each([
    'So excited for the trip that I can not sleep, my hands are shaking',
    'Ich freue mich riesig und bin total nervös, morgen geht es nach Japan!',
    'Nervios y alegría, mañana me caso',
  ])('%j is bright and stirred up, not torn', (text) => {
    const r = read(text);
    expect(r.valence).toBeGreaterThan(0.3);
    expect(r.arousal).toBeGreaterThan(0.4);
    expect(r.mixed).toBe(false);
  });

  it('without excitement, nerves stay unpleasant', () => {
    expect(read('So nervous I can not sleep').valence).toBeLessThan(-0.3);
  });

  it('real fear beside joy stays fear ("thrilled for her but terrified")', () => {
    expect(read('I am thrilled for her but absolutely terrified of losing her').hits.find((h) => h.label.includes('terrified'))!.valence).toBeLessThan(-0.5);
  });
});

describe('a reassurance insisted on masks something', () => {
  it("\"I'm fine. Totally fine.\" is not a bright song", () => {
    expect(read("I'm fine. Totally fine.").valence).toBeLessThan(0);
    expect(read("I'm fine.").valence).toBeGreaterThan(0);
  });
});

describe('a weekday is a date, not a feeling', () => {
  it.each([['we leave on Friday', 'friday'], ['nos vamos el lunes', 'lunes'], ['le concert est vendredi', 'vendredi'], ['el homenaje es el viernes', 'viernes']])('%j: "%s" is no feeling', (text, day) => {
    expect(read(text).hits.map((h) => h.label)).not.toContain(day);
  });
});
