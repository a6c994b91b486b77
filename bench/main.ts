export {};
/**
 * npm run bench — every speed and size target, measured and printed (never asserted in tests).
 * Each suite is a module exporting `run(): Promise<void>` that prints its own figures.
 * `npm run bench -- music` runs only suites whose name contains "music".
 */
const SUITES: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  music: () => import('./music.ts'),
  craft: () => import('./craft.ts'),
  journal: () => import('./journal.ts'),
  startup: () => import('./startup.ts'),
  midi: () => import('./midi.ts'),
  interpret: () => import('./interpret.ts'),
  revise: () => import('./revise.ts'),
  guide: () => import('./guide.ts'),
  web: () => import('./web.ts'),
  transfer: () => import('./transfer.ts'),
  render: () => import('./render.ts'),
  sound: () => import('./sound.ts'),
  'sound-web': () => import('./sound-web.ts'),
  jam: () => import('./jam.ts'),
  live: () => import('./live.ts'),
  safety: () => import('./safety.ts'),
  lyrics: () => import('./lyrics.ts'),
  transcribe: () => import('./transcribe.ts'),
  'model-faults': () => import('./model-faults.ts'),
  burst: () => import('./burst.ts'),
};

const filter = process.argv[2];
for (const [name, load] of Object.entries(SUITES)) {
  if (filter && !name.includes(filter)) continue;
  console.log(`\n## ${name}`);
  await (await load()).run();
}
