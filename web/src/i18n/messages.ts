/**
 * Message lookup over the catalogues, on rosetta (dotted keys, {{placeholders}}): the page's
 * language first, English for a message it lacks, and plural forms chosen by Intl.PluralRules
 * (`key_one`, `key_other` … as CLDR names them), so a language brings its own plural rules.
 */
import rosetta from 'rosetta';
import type en from '../../../lang/en/web.json';

export type Catalogue = typeof en;
export type Params = Record<string, string | number>;

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Id<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Id<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every message id in the English catalogue: a key it lacks is a compile error. */
export type MessageKey = Leaves<Catalogue>;

export const FALLBACK = 'en';

/** The catalogues loaded so far and a lookup over them. */
export function createMessages() {
  const r = rosetta<object>();
  const rules = new Map<string, Intl.PluralRules>();
  const pluralOf = (locale: string, n: number) => {
    if (!rules.has(locale)) rules.set(locale, new Intl.PluralRules(locale));
    return rules.get(locale)!.select(n);
  };
  const raw = (locale: string, key: string, params?: Params): string => {
    if (typeof params?.count === 'number') {
      const exact = r.t(`${key}_${pluralOf(locale, params.count)}`, params, locale);
      if (exact) return exact;
      const other = r.t(`${key}_other`, params, locale);
      if (other) return other;
    }
    return r.t(key, params, locale);
  };
  return {
    add(locale: string, catalogue: object): void {
      r.set(locale, catalogue);
    },
    has(locale: string): boolean {
      return r.table(locale) !== undefined;
    },
    /** The message in `locale`, else in English, else '' (so a caller can tell it is missing). */
    find(locale: string, key: string, params?: Params): string {
      return raw(locale, key, params) || (locale === FALLBACK ? '' : raw(FALLBACK, key, params));
    },
  };
}
