/** Bumped whenever the same (params, seed) would produce different notes; stored with each version. */
export const ENGINE_VERSION = '1.0.0';
