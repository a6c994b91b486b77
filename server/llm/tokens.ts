/** Token accounting: what a turn cost, from the API's usage when given, else estimated. */

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export const NO_USAGE: Usage = Object.freeze({ promptTokens: 0, completionTokens: 0 });

/** Rough token count for English text when the server reports no usage: ≈ one token per 4 characters. */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4);
}

/** Sum the usage of several calls made for one turn. */
export function addUsage(a: Usage, b: Usage | undefined): Usage {
  return b ? { promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens } : a;
}
