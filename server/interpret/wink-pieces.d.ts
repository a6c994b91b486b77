/** wink-eng-lite-web-model types only its index; wink-model.ts assembles the model from these files of it. */
declare module 'wink-eng-lite-web-model/dist/load-cer-meta-model.js' { const piece: never; export default piece; }
declare module 'wink-eng-lite-web-model/dist/load-negation-model.js' { const piece: never; export default piece; }
declare module 'wink-eng-lite-web-model/dist/load-pos-model.js' { const piece: never; export default piece; }
declare module 'wink-eng-lite-web-model/dist/load-sbd-model.js' { const piece: never; export default piece; }
declare module 'wink-eng-lite-web-model/dist/feature.js' { const piece: never; export default piece; }
declare module 'wink-eng-lite-web-model/dist/lemmatize.js' { const piece: never; export default piece; }
declare module 'wink-eng-lite-web-model/dist/porter-stemmer.js' { const piece: never; export default piece; }
declare module 'wink-eng-lite-web-model/dist/readability-stats.js' { const piece: never; export default piece; }
