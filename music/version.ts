/** Bumped whenever the same (params, seed) would produce different notes; stored with each version. */
// 1.1.0: scales with their own harmonic approach (phrygian dominant, double harmonic major,
// hirajoshi, in-sen, whole tone) now vamp and drone instead of borrowing a parent scale's loops.
export const ENGINE_VERSION = '1.1.0';
