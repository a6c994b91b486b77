/**
 * German life events and everyday register (lang/de/feelings.json): people often tell what
 * happened ("Opa wurde operiert", "erster Schultag", "Kündigung bekommen") or say it in dialect
 * and slang ("i hab Längizyt", "geht mir auf den Zeiger") rather than name a feeling. Each such
 * statement lands in the quarter of the circumplex a songwriter would most often mean, and the
 * frequent words that only share a stem or a compound's start with a new entry find nothing.
 */
import { describe, expect, it } from 'vitest';
import { readEmotionDetail } from './emotion.ts';

const de = (text: string) => readEmotionDetail(text, { lang: 'de' });

describe('German life events read without a feeling word', () => {
  it('deaths, funerals and a pet put to sleep are sad and low', () => {
    for (const t of ['Unser Kater wurde gestern eingeschläfert', 'Nach der Beisetzung gingen alle schweigend heim', 'Meine Tante verstarb im Frühjahr', 'Sie ist friedlich eingeschlafen, mit neunzig']) {
      const r = de(t);
      expect(r.valence, t).toBeLessThan(-0.4);
      expect(r.arousal, t).toBeLessThan(0);
    }
  });
  it('illness and hospital news are bad and tense', () => {
    for (const t of ['Papa hatte einen Schlaganfall', 'Meine Schwester wurde heute operiert', 'Er liegt seit Tagen auf der Intensivstation', 'Hab heute die Diagnose bekommen']) {
      const r = de(t);
      expect(r.valence, t).toBeLessThan(-0.3);
      expect(r.arousal, t).toBeGreaterThan(0.1);
    }
  });
  it('ageing parents and the home they leave read low and sad', () => {
    for (const t of ['Mama ist dement geworden', 'Oma kommt nächste Woche ins Heim', 'Wir haben die Wohnung meiner Großeltern ausgeräumt', 'Seit Opa tot ist, besucht mich keiner']) {
      const r = de(t);
      expect(r.valence, t).toBeLessThan(-0.2);
      expect(r.arousal, t).toBeLessThan(0);
    }
  });
  it('weddings, births and round birthdays are bright', () => {
    for (const t of ['Wir haben im Mai geheiratet', 'Gestern bin ich Opa geworden', 'Unsere Kleine ist heute Nacht zur Welt gekommen', 'Mein Vater ist heute 80 geworden']) {
      expect(de(t).valence, t).toBeGreaterThan(0.3);
    }
  });
  it('a first school day and a driving licence are bright and excited', () => {
    for (const t of ['Morgen ist ihr erster Schultag', 'Endlich den Führerschein in der Tasche']) {
      const r = de(t);
      expect(r.valence, t).toBeGreaterThan(0.3);
      expect(r.arousal, t).toBeGreaterThan(0.3);
    }
  });
  it('losing work and money trouble are bad and restless', () => {
    for (const t of ['Heute kam die Kündigung', 'Ich hab meinen Job verloren', 'Knapp bei Kasse und die Mieterhöhung liegt auf dem Tisch', 'Die Firma hat Insolvenz angemeldet']) {
      const r = de(t);
      expect(r.valence, t).toBeLessThan(-0.3);
      expect(r.arousal, t).toBeGreaterThan(0);
    }
  });
  it('moving away is a hopeful start, not a loss; retirement is calm', () => {
    const move = de('Wir sind letzten Monat nach Kanada ausgewandert');
    expect(move.valence).toBeGreaterThan(0);
    expect(move.arousal).toBeGreaterThan(0.2);
    const retire = de('Mein Mann ist jetzt im Ruhestand');
    expect(retire.valence).toBeGreaterThanOrEqual(0);
    expect(retire.arousal).toBeLessThan(-0.2);
  });
  it('war and flight are dark and driven', () => {
    for (const t of ['Mein Großvater war im Krieg', 'Sie sind vor zwei Jahren aus Syrien geflüchtet', 'Wir waren monatelang auf der Flucht']) {
      const r = de(t);
      expect(r.valence, t).toBeLessThan(-0.4);
      expect(r.arousal, t).toBeGreaterThan(0.3);
    }
  });
  it('reunions are bright', () => {
    expect(de('Nach zwanzig Jahren haben wir uns wiedergesehen').valence).toBeGreaterThan(0.4);
    expect(de('Beim Klassentreffen war es wie früher').valence).toBeGreaterThan(0.2);
  });
});

describe('German everyday register and idioms', () => {
  it('losing the ground under one\'s feet is a shock, having it is calm', () => {
    const lost = de('Als er ging, zog es mir den Boden unter den Füßen weg');
    expect(lost.valence).toBeLessThan(-0.4);
    expect(lost.arousal).toBeGreaterThan(0.2);
    expect(de('Endlich wieder festen Boden unter den Füßen').valence).toBeGreaterThan(0.2);
  });
  it('regional and colloquial anger is unpleasant and driven', () => {
    for (const t of ['Der Chef geht mir heut total auf den Zeiger', 'I bin so toub uf di', 'Er war wutschnaubend', 'Sie ist schon den ganzen Tag pampig']) {
      const r = de(t);
      expect(r.valence, t).toBeLessThan(-0.3);
      expect(r.arousal, t).toBeGreaterThan(0.3);
    }
  });
  it('homesickness and gloom in dialect are unpleasant and low', () => {
    for (const t of ['I hab so Längizyt nach dahei', 'Mir is alles wurscht, so zach is des', 'Ich fühl mich hundeelend']) {
      const r = de(t);
      expect(r.valence, t).toBeLessThan(-0.2);
      expect(r.arousal, t).toBeLessThan(0);
    }
  });
  it('slang and dialect delight are bright', () => {
    for (const t of ['Bin noch voll geflasht vom Festival', 'Des war bärig gestern', 'Ich fühl mich pudelwohl hier']) {
      expect(de(t).valence, t).toBeGreaterThan(0.4);
    }
  });
  it('a fright before an exam reads anxious', () => {
    const r = de('Mir geht die Düse vor der Klausur morgen');
    expect(r.valence).toBeLessThan(-0.3);
    expect(r.arousal).toBeGreaterThan(0.4);
  });
  it('pictures of a summer evening read warm and unhurried', () => {
    const r = de('Biergarten, laue Sommernacht, Kastanien über uns');
    expect(r.valence).toBeGreaterThan(0.4);
    expect(r.arousal).toBeLessThan(0.3);
  });
  it('a village evening in pictures reads gentle and slow', () => {
    const r = de('Kopfsteinpflaster, eine Straßenlaterne, die Dorfkirche');
    expect(r.valence).toBeGreaterThan(0.1);
    expect(r.arousal).toBeLessThan(-0.1);
  });
});

describe('frequent words that only look like a new entry stay neutral', () => {
  it('kriegen is not war, einschlafen not putting a pet to sleep, a cup at Starbucks no death', () => {
    for (const t of ['Ich krieg das schon hin', 'Er ist gerade eingeschlafen', 'Wir holen uns was bei Starbucks', 'Das ist diplomatisch formuliert', 'Zum Abschluss noch ein Wort', 'Wir vertreiben uns die Zeit mit Karten']) {
      const r = de(t);
      expect(r.hits, t).toEqual([]);
    }
  });
  it('a moving day is not a night out, and a night out is not a move', () => {
    expect(de('Am Samstag ziehen wir um die Häuser').valence).toBeGreaterThan(0.4);
    expect(de('Am Samstag ziehen wir um').valence).toBeLessThan(0.4);
  });
});
