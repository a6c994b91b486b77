/**
 * The musician's side of one conversation the benches replay (the offline guide's happy path, as in
 * test/turns): answers until a sketch, then two scoped revisions.
 */
export const ANSWERS = [
  "It's about the quiet after the move. The house is quiet now.",
  'Tender and a little hopeful, a tight chest',
  "You're not alone",
  'Boxes in the hallway, rain on the window',
  'For my sister',
  'skip',
  'yes',
  'just play something',
];
export const REVISIONS = ['slower, and no bass in the intro', 'fewer drums in the verse'];
