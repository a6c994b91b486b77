/**
 * The UI language as state: which language the page speaks, the message lookup `t`, and Intl
 * formatters for that language. `t` reads `locale`, so markup and derived state that call it
 * follow a switch without a reload.
 */
import { loadCatalogue, LOCALES } from './catalogues.ts';
import { createMessages, FALLBACK, type MessageKey, type Params } from './messages.ts';
import { acceptLanguage, pickLocale } from './negotiate.ts';

const KEY = 'innerchord.language';

export class I18n {
  /** The language the page speaks now ('en', 'de' …). */
  locale = $state(FALLBACK);
  readonly locales = LOCALES;
  readonly #messages = createMessages();

  /** A message in the page's language: t('chat.send'), t('journal.versionCount', { count: 3 }). */
  t = (key: MessageKey, params?: Params): string => this.#messages.find(this.locale, key, params) || key;

  /**
   * A message whose key is made from data (a mode name, a section name), or `fallback` when no
   * catalogue has it: lookup('modes.dorian', 'dorian').
   */
  lookup(key: string, fallback: string, params?: Params): string {
    return this.#messages.find(this.locale, key, params) || fallback;
  }

  /** Pick the language from the saved choice or the browser and load it; call once before mounting. */
  async start(): Promise<void> {
    await this.#load(FALLBACK);
    await this.use(pickLocale(storage()?.getItem(KEY) ?? null, browserLanguages(), this.locales), false);
  }

  /** Switch the page to `code`; remember it when the musician chose it. */
  async use(code: string, remember = true): Promise<void> {
    if (!this.locales.includes(code) || !(await this.#load(code))) return;
    this.locale = code;
    if (remember) storage()?.setItem(KEY, code);
    if (typeof document !== 'undefined') document.documentElement.lang = code;
  }

  /** The header the API calls carry, so the server answers and picks help lines in this language. */
  acceptLanguage(): string {
    return acceptLanguage(this.locale, browserLanguages());
  }

  /** The language's name in itself: 'de' → 'Deutsch'. */
  nameOf(code: string): string {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  }

  /** A number in this language: 1234.5 → '1.234,5' in German. */
  number(n: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.locale, options).format(n);
  }

  /** A date and time in this language; '' for an unreadable one. */
  date(iso: string | Date, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }): string {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(this.locale, options);
  }

  // A catalogue that cannot load leaves the page in the language it speaks.
  async #load(code: string): Promise<boolean> {
    if (this.#messages.has(code)) return true;
    try {
      this.#messages.add(code, await loadCatalogue(code));
      return true;
    } catch {
      return false;
    }
  }
}

function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
}

// Private windows and some embedded browsers throw on localStorage access.
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
