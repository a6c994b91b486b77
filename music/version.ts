/** Bumped whenever the same (params, seed) would produce different notes; stored with each version. */
// 1.1.0: scales with their own harmonic approach (phrygian dominant, double harmonic major,
// hirajoshi, in-sen, whole tone) now vamp and drone instead of borrowing a parent scale's loops.
// 1.2.0: a style template's own progressions win over a scale's default vamp (flamenco's Andalusian
// cadence), `harmony.asWritten` chords may leave the scale, and clave/bossa/Afrobeat grooves are never swung.
// 2.0.0: determinism is per section — each section and part draws from its own streams (melody,
// bass walk, voicing, fills, humanising start afresh in every section), and a section's
// arrangement (level, density, mute, register, instrument per part) is played; older versions
// replay from their stored sketch JSON.
// 3.0.0: songcraft (issue #16) — forms and keys chosen from the intention (craft/form.ts,
// craft/key.ts), a chorus hook that returns note for note, phrases that breathe, verse low and
// chorus high with its climax, anticipations by style, secondary dominants and a quicker
// pre-chorus (harmony/colour.ts), a drummer's take per seed and a chorus that opens up
// (drums/variation.ts), and endings that land on a tonic downbeat with every part together
// (craft/ending.ts). Older versions replay from their stored sketch JSON.
// 3.1.0: orchestration that follows the song (issue #17 item 4), asked for with
// `orchestration: 'follow'`: arrangement templates by style family and section energy, a pad
// and a doubled melody in the loud sections, parts dropping out in the quiet ones
// (arrange/orchestra.ts, styles/arrangements.json). Older versions replay from their stored sketch JSON.
// 3.2.0: orchestration follows the song by default — absent `orchestration` means 'follow', and
// 'as-written' is the explicit opt-out — so every new sketch (the app, the API and the CLI's
// `generate --params`) grows with its sections' energy. The template plays first and the
// musician's own section arrangement on what it left (their "sparser" thins what plays); density
// choices are made bar by bar, so a repeated section plays alike up to its cadence. Older
// versions replay from their stored sketch JSON.
export const ENGINE_VERSION = '3.2.0';
