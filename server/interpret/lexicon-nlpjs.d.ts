/** nlp.js language packs ship no types; we use only their Snowball stemmers (each file exports its class). */
declare module '@nlpjs/lang-de/src/stemmer-de.js' { export default class StemmerDe { stemWord(word: string): string } }
declare module '@nlpjs/lang-fr/src/stemmer-fr.js' { export default class StemmerFr { stemWord(word: string): string } }
declare module '@nlpjs/lang-es/src/stemmer-es.js' { export default class StemmerEs { stemWord(word: string): string } }
