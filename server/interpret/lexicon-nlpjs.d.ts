/** nlp.js language packs ship no types; we use only their Snowball stemmers. */
declare module '@nlpjs/lang-de' { export class StemmerDe { stemWord(word: string): string } }
declare module '@nlpjs/lang-fr' { export class StemmerFr { stemWord(word: string): string } }
declare module '@nlpjs/lang-es' { export class StemmerEs { stemWord(word: string): string } }
