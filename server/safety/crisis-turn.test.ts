/** The crisis turn carries the resources it chose as data (for the page's crisis card), matching its text. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { messages } from '../../db/schema.ts';
import { sharedPglite } from '../../test/support/db.ts';
import { newSong, post, sseEvents } from '../../test/turns/helpers.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import type { Message, SongDetail } from '../journal/shapes.ts';
import type { TurnResult } from '../turns/shapes.ts';
import { withOverrides } from './resources/file.ts';
import { CrisisResources, RESOURCES } from './resources/index.ts';

const t = sharedPglite();
const CRISIS = 'I want to die, honestly';
const BRAZIL = { where: 'Brazil', emergency: '192', helplines: [{ name: 'CVV', contact: '188', hours: 'free, any time' }] };

function appWith(env: Record<string, string> = {}, overrides: Record<string, typeof BRAZIL> | null = null) {
  const config = loadConfig({ INNERCHORD_LOG: 'silent', INNERCHORD_OFFLINE: '1', ...env });
  if (overrides) config.crisisResources = withOverrides(overrides);
  return createApp({ db: t.db, config, log: createLogger('silent') });
}

async function crisisTurn(app: ReturnType<typeof appWith>, headers: Record<string, string>): Promise<TurnResult> {
  const res = await post(app, `/api/songs/${await newSong(app)}/turns`, { text: CRISIS }, headers);
  expect(res.status).toBe(200);
  return (await res.json()) as TurnResult;
}

describe('the crisis turn\'s resources', () => {
  it('names the locale\'s emergency number and helplines as data, the same ones the text gives', async () => {
    const turn = await crisisTurn(appWith(), { 'accept-language': 'fr-FR,fr;q=0.9' });
    expect(CrisisResources.parse(turn.crisisResources)).toEqual({ locale: 'fr-FR', ...RESOURCES['fr-FR'] });
    expect(turn.reply.text).toContain(`call ${RESOURCES['fr-FR'].emergency}`);
    for (const h of RESOURCES['fr-FR'].helplines) expect(turn.reply.text).toContain(h.contact);
  });

  it('falls back to INNERCHORD_LOCALE, then to the international list (locale null)', async () => {
    expect((await crisisTurn(appWith({ INNERCHORD_LOCALE: 'en-AU' }), {})).crisisResources).toMatchObject({ locale: 'en-AU', emergency: '000' });
    expect((await crisisTurn(appWith(), { 'accept-language': 'ja-JP' })).crisisResources).toEqual({ locale: null, ...RESOURCES.default });
  });

  it('uses the operator\'s added locales', async () => {
    const turn = await crisisTurn(appWith({}, { 'pt-BR': BRAZIL }), { 'accept-language': 'pt-BR' });
    expect(turn.crisisResources).toEqual({ locale: 'pt-BR', ...BRAZIL });
    expect(turn.reply.text).toContain('call 192');
  });

  it('is null on an ordinary turn', async () => {
    const app = appWith();
    const res = await post(app, `/api/songs/${await newSong(app)}/turns`, { text: 'a song about the sea' });
    expect(((await res.json()) as TurnResult).crisisResources).toBeNull();
  });

  it('arrives in the streamed `done` event too', async () => {
    const app = appWith();
    const res = await post(app, `/api/songs/${await newSong(app)}/turns`, { text: CRISIS }, { accept: 'text/event-stream', 'accept-language': 'de-DE' });
    const done = sseEvents(await res.text()).find((e) => e.event === 'done')!.data as TurnResult;
    expect(done.crisisResources).toMatchObject({ locale: 'de-DE', emergency: '112' });
  });

  it('stores the chosen lines with the reply, so GET /api/songs/:id shows them again on reopening', async () => {
    const app = appWith();
    const id = await newSong(app);
    const res = await post(app, `/api/songs/${id}/turns`, { text: CRISIS }, { 'accept-language': 'en-IE' });
    const turn = (await res.json()) as TurnResult;
    const chosen = { locale: 'en-IE', ...RESOURCES['en-IE'] };
    expect(turn.reply.meta).toMatchObject({ crisis: true, crisisResources: chosen });

    const [row] = await t.db.orm.select().from(messages).where(eq(messages.id, turn.reply.id));
    expect(CrisisResources.parse((row!.meta as { crisisResources: unknown }).crisisResources)).toEqual(chosen);

    const detail = (await (await app.request(`/api/songs/${id}`)).json()) as SongDetail;
    const reply = detail.messages.find((m) => m.id === turn.reply.id)!;
    expect(reply.meta).toMatchObject({ crisis: true, crisisResources: chosen });
    // The musician's own words are marked, but carry no lines: the card belongs under the reply.
    expect(detail.messages.find((m) => m.id === turn.userMessage.id)!.meta.crisisResources).toBeUndefined();
    const listed = (await (await app.request(`/api/songs/${id}/messages`)).json()) as { messages: Message[] };
    expect(listed.messages.at(-1)!.meta.crisisResources).toEqual(chosen);
  });

  it('keeps old crisis replies without stored lines, and drops only a stored field that no longer fits', async () => {
    const app = appWith();
    const replyMeta = async (meta: Record<string, unknown>) => {
      const id = await newSong(app);
      const turn = (await (await post(app, `/api/songs/${id}/turns`, { text: CRISIS })).json()) as TurnResult;
      await t.db.orm.update(messages).set({ meta }).where(eq(messages.id, turn.reply.id));
      const detail = (await (await app.request(`/api/songs/${id}`)).json()) as SongDetail;
      return detail.messages.find((m) => m.id === turn.reply.id)!.meta;
    };
    // An older release stored only { crisis: true }: still a valid message, just without lines.
    expect(await replyMeta({ stage: 'about', provider: 'offline', crisis: true })).toEqual({ stage: 'about', provider: 'offline', crisis: true });
    // Lines of the wrong shape are left out; the reply keeps its other facts.
    expect(await replyMeta({ stage: 'about', crisis: true, crisisResources: { emergency: 112 } })).toEqual({ stage: 'about', crisis: true });
  });
});
