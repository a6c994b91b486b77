import { describe, expect, it } from 'vitest';
import { detectLanguage, detectLanguageDetail, LANGUAGES, preferredLanguage } from './language.ts';

/** Short and longer chat messages a musician might send, none of them used to tune the word lists' weights. */
const MESSAGES: Record<string, string[]> = {
  en: ['yes exactly', 'I don\'t know', 'for my sister', 'just play something', 'this is pointless', 'tired and heavy', 'rain on the window', "it's about my dad leaving", 'slower please', 'my grandmother', 'almost, but the wording is muddled', "you're not alone", 'a kitchen at night', 'skip', "it's for my mother", 'I feel lost since she moved away', 'make it brighter', 'no idea'],
  de: ['ja, genau', 'traurig', 'ich weiß nicht', 'für meine Schwester', 'spiel einfach was', 'das bringt nichts', 'müde und schwer', 'Regen am Fenster', 'es geht um meinen Vater', 'langsamer bitte', 'meine Oma', 'fast, aber die Formulierung ist wirr', 'du bist nicht allein', 'keine Ahnung', 'es ist für meine Mutter', 'Ich fühle mich verloren, seit sie weg ist', 'mach es heller', 'Es geht um den Umzug, ich bin traurig und ein bisschen erleichtert'],
  fr: ["oui c'est ça", 'je ne sais pas', 'pour ma sœur', 'joue juste quelque chose', 'ça ne sert à rien', 'fatigué et lourd', 'la pluie sur la fenêtre', "c'est sur mon père qui part", "plus lent s'il te plaît", 'ma grand-mère', 'presque, mais la formulation est confuse', "tu n'es pas seul", 'une cuisine la nuit', 'aucune idée', "c'est pour ma mère", "je me sens perdu depuis qu'elle est partie", 'merci'],
  es: ['sí, exacto', 'no sé', 'para mi hermana', 'solo toca algo', 'esto no sirve de nada', 'cansado y pesado', 'lluvia en la ventana', 'trata de mi padre que se fue', 'más lento por favor', 'mi abuela', 'casi, pero la redacción es confusa', 'no estás solo', 'una cocina de noche', 'ni idea', 'es para mi madre', 'me siento perdido desde que se fue', 'gracias'],
};

describe('detecting the language of a message', () => {
  it('supports the languages that have a folder under lang/, English first', () => {
    expect(LANGUAGES[0]).toBe('en');
    expect([...LANGUAGES].sort()).toEqual(['de', 'en', 'es', 'fr']);
  });

  it('reads at least 90 % of short and longer chat messages in en, de, fr and es with no prior', () => {
    const misses: string[] = [];
    let total = 0;
    for (const [lang, texts] of Object.entries(MESSAGES)) {
      for (const text of texts) {
        total++;
        const got = detectLanguage(text);
        if (got !== lang) misses.push(`${lang}: ${text} → ${got}`);
      }
    }
    expect(misses.length / total, misses.join('\n')).toBeLessThanOrEqual(0.1);
  });

  it('reads every one of them with the conversation\'s language as the prior', () => {
    for (const [lang, texts] of Object.entries(MESSAGES)) for (const text of texts) expect(detectLanguage(text, { previous: lang }), text).toBe(lang);
  });

  it('lets the prior decide words shared by two languages', () => {
    expect(detectLanguage('triste', { previous: 'es' })).toBe('es');
    expect(detectLanguage('triste', { previous: 'fr' })).toBe('fr');
    expect(detectLanguage('triste', { page: 'es' })).toBe('es');
    expect(detectLanguage('no', { previous: 'en' })).toBe('en');
    expect(detectLanguage('no', { previous: 'es' })).toBe('es');
  });

  it('keeps the prior for words any language uses, and the page language when there is no conversation yet', () => {
    expect(detectLanguage('ok', { page: 'fr' })).toBe('fr');
    expect(detectLanguage('super', { previous: 'de' })).toBe('de');
    expect(detectLanguage('piano', { previous: 'de' })).toBe('de');
    expect(detectLanguage('🙂', { previous: 'es' })).toBe('es');
    expect(detectLanguage('', {})).toBe('en');
    expect(detectLanguageDetail('ok', { page: 'fr' }).by).toBe('prior');
  });

  it('keeps the conversation\'s language for a word or two that another language also writes', () => {
    expect(detectLanguage('leer', { previous: 'de' })).toBe('de');
    expect(detectLanguage('sehr leer', { previous: 'de' })).toBe('de');
    expect(detectLanguage('gracias', { previous: 'de' })).toBe('es');
  });

  it('prefers the conversation\'s language to the page\'s', () => {
    expect(detectLanguage('ok', { previous: 'de', page: 'fr' })).toBe('de');
  });

  it('follows a clear switch of language even against the prior', () => {
    expect(detectLanguage('ja, genau', { previous: 'en' })).toBe('de');
    expect(detectLanguage('no sé', { previous: 'en' })).toBe('es');
    expect(detectLanguage('gracias', { previous: 'fr' })).toBe('es');
    expect(detectLanguage("It's about the summer my father left and the empty garage", { previous: 'de', page: 'de' })).toBe('en');
  });

  it('ignores an unsupported prior', () => {
    expect(detectLanguage('ok', { previous: 'xx', page: 'de' })).toBe('de');
  });
});

describe('the page language from Accept-Language', () => {
  it.each([
    ['de-CH,de;q=0.9,en;q=0.8', 'de'],
    ['pt-BR,pt;q=0.9,es;q=0.5', 'es'],
    ['en;q=0.2, fr;q=0.9', 'fr'],
    ['fr', 'fr'],
    ['ja', null],
    ['', null],
  ])('%j → %j', (header, want) => expect(preferredLanguage(header)).toBe(want));
});
