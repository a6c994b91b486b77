/**
 * The page's one language. Like <html lang>, it belongs to the whole page, so there is one I18n
 * for the page; `t` reads its reactive state, so markup and derived state that call it follow a
 * switch without a reload.
 */
import { I18n } from './i18n.svelte.ts';

export const i18n = new I18n();

/** Look up a message in the page's language: t('chat.send'). */
export const t = i18n.t;
export type { MessageKey } from './messages.ts';
