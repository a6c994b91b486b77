import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { parseOverrides, withOverrides } from './file.ts';
import { RESOURCES, resolveLocale, resourcesFor } from './index.ts';

const BRAZIL = { where: 'Brazil', emergency: '192', helplines: [{ name: 'CVV', contact: '188', hours: 'free, any time' }] };
const CLINIC_UK = { where: 'the UK', emergency: '999', helplines: [{ name: 'Riverside clinic on-call', contact: '020 7946 0000', hours: '9–17 weekdays' }] };

function fileWith(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'innerchord-crisis-'));
  const path = join(dir, 'crisis.json');
  writeFileSync(path, content);
  return path;
}

describe('operator crisis resources (INNERCHORD_CRISIS_RESOURCES)', () => {
  it('adds a locale the built-in data lacks, and replaces one it has, keeping the rest', () => {
    const directory = withOverrides(parseOverrides(JSON.stringify({ 'pt-BR': BRAZIL, 'en-GB': CLINIC_UK }), 'test.json'));
    expect(resolveLocale('pt-BR,pt;q=0.9', null, directory)).toBe('pt-BR');
    expect(resolveLocale('pt', null, directory)).toBe('pt-BR');
    expect(resourcesFor('pt-BR', directory)).toEqual({ locale: 'pt-BR', ...BRAZIL });
    expect(resourcesFor('en-GB', directory).helplines[0]!.name).toBe('Riverside clinic on-call');
    expect(resourcesFor('de-DE', directory)).toEqual({ locale: 'de-DE', ...RESOURCES['de-DE'] });
    // The built-in table is left as it was: the overrides live only in the directory made from them.
    expect(resolveLocale('pt-BR')).toBeNull();
  });

  it('is read from the file the variable names, at start-up', () => {
    const config = loadConfig({ INNERCHORD_CRISIS_RESOURCES: fileWith(JSON.stringify({ 'pt-BR': BRAZIL })), INNERCHORD_LOCALE: 'pt-BR' });
    expect(resolveLocale(null, config.locale, config.crisisResources)).toBe('pt-BR');
    expect(loadConfig({}).crisisResources).toEqual(RESOURCES);
  });

  it.each([
    ['not JSON', '{ "pt-BR": ', /INNERCHORD_CRISIS_RESOURCES: .*crisis\.json is not valid JSON/],
    ['a bad locale tag', JSON.stringify({ brazil: BRAZIL }), /INNERCHORD_CRISIS_RESOURCES: .*a locale tag like "pt-BR"/],
    ['an entry with no helpline', JSON.stringify({ 'pt-BR': { ...BRAZIL, helplines: [] } }), /INNERCHORD_CRISIS_RESOURCES: .*pt-BR\.helplines/],
    ['an entry with no emergency number', JSON.stringify({ 'pt-BR': { ...BRAZIL, emergency: '' } }), /INNERCHORD_CRISIS_RESOURCES: .*pt-BR\.emergency/],
    ['no locale at all', '{}', /INNERCHORD_CRISIS_RESOURCES: .*at least one locale/],
  ])('refuses to start with %s, naming the variable and the fault', (_, content, message) => {
    expect(() => loadConfig({ INNERCHORD_CRISIS_RESOURCES: fileWith(content) })).toThrow(message);
  });

  it('refuses to start when the file is missing', () => {
    expect(() => loadConfig({ INNERCHORD_CRISIS_RESOURCES: '/nonexistent/crisis.json' })).toThrow(/INNERCHORD_CRISIS_RESOURCES: cannot read \/nonexistent\/crisis\.json \(ENOENT\)/);
  });
});
