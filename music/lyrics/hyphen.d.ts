// The hyphen package ships no types; these cover the one function music/lyrics uses.
declare module 'hyphen/*' {
  const patterns: { hyphenateSync: (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string };
  export default patterns;
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
declare module 'cmu-pronouncing-dictionary' {
  export const dictionary: Record<string, string>;
}
