/**
 * wink-eng-lite-web-model with a faster core reader. Its own reader (dist/read-core-model.js)
 * parses the 3 MB model once as a JSON require, then deep-copies it with JSON.parse(JSON.stringify())
 * so it could be read twice, and decodes the packed lexicon with atob and a byte loop: about a third
 * of a short CLI command's time. We read the model once per process, so this parses the file once
 * and decodes with Buffer; everything else is the package's own steps, in its order. The result
 * is the same model (wink-model.test.ts compares it with the package's, field by field), so an
 * upgrade of the package that changes its format fails that test rather than the interpreter.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type model from 'wink-eng-lite-web-model';
// The package's pieces as static imports (not a require() at run time), so a bundle can take them
// in: the CLI's start-up snapshot (scripts/snapshot.mjs) may run no CommonJS of ours while it builds.
import loadCerMeta from 'wink-eng-lite-web-model/dist/load-cer-meta-model.js';
import loadNegation from 'wink-eng-lite-web-model/dist/load-negation-model.js';
import loadPos from 'wink-eng-lite-web-model/dist/load-pos-model.js';
import loadSbd from 'wink-eng-lite-web-model/dist/load-sbd-model.js';
import featureFn from 'wink-eng-lite-web-model/dist/feature.js';
import lemmatize from 'wink-eng-lite-web-model/dist/lemmatize.js';
import stem from 'wink-eng-lite-web-model/dist/porter-stemmer.js';
import readabilityStats from 'wink-eng-lite-web-model/dist/readability-stats.js';
import { lexemes } from './wink-index.ts';

type Features = Record<string, { list: unknown[]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number }>;
interface CoreModel {
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Features;
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
  [key: string]: unknown;
}

const CORE_JSON = 'wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json';

/** Base64 → Uint32Array on its own (aligned) buffer, as the package's bufferFromBase64 gives. */
function words(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  const out = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** The package's read-core-model.js followed by load-core-model.js, reading the file once. */
export function readCoreModel(): CoreModel {
  const file = createRequire(import.meta.url).resolve(CORE_JSON);
  const m = JSON.parse(readFileSync(file, 'utf8')) as CoreModel;
  const { packing, features, pos } = m;
  m.lexicon = words(m.lexicon as string);
  m.xpansions = words(m.xpansions as string);
  // Every word list packed with its index (wink-index.ts): the lexemes, and the prefixes, suffixes
  // and shapes (6,467 words, each a key of its index object otherwise).
  for (const f in packing.layout) if (packing.layout[f]![3] === 0) Object.assign(features[f]!, lexemes(features[f]!.list as string[]));
  Object.assign(features['lexeme']!, lexemes(features['lexeme']!.list as string[]));
  const clusters = features['posClusters']!.list;
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  // load-core-model.js
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f]!;
    if (layout[3] === 0) {
      const feature = features[f]!;
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = layout[1]! >>> layout[2]!;
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  features['lexeme']!.intrinsicSize = features['lexeme']!.list.length;
  features['lexeme']!.index = features['lexeme']!.list.length;
  return m;
}

/**
 * The annotations we read: sentences, negation, and parts of speech (lemmas need them). Names
 * (ner) and sentiment are never asked for, so their models are not loaded at all.
 */
export const WINK_PIPE = ['sbd', 'negation', 'pos'];

/**
 * An automaton with no states, in wink-nlp's learning format (its own emptyModelJSON). winkNLP
 * builds every automaton when it starts, piped or not, so the two we never run get this one.
 */
const EMPTY_MACHINE = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}]);

/**
 * The model to hand winkNLP(..., WINK_PIPE): the package's pieces, assembled here rather than
 * through its index (dist/model.js), because that index requires every model at import — the
 * 3 MB core once more than readCoreModel reads it, 170 kB of names and 400 kB of sentiment — about
 * a third of a short CLI command's CPU.
 */
function assemble(): typeof model {
  const m = Object.create(null);
  m.core = readCoreModel;
  m.sbd = loadSbd;
  m.pos = loadPos;
  m.negation = loadNegation;
  m.metaCER = loadCerMeta;
  m.ner = () => ({ machines: [], transformers: [] });
  m.sa = () => ({ machines: [EMPTY_MACHINE], setter: () => undefined });
  m.featureFn = featureFn;
  m.addons = Object.assign(Object.create(null), { stem, lemmatize, readabilityStats, wordVectors: undefined });
  return m as typeof model;
}

export const winkModel: typeof model = assemble();
