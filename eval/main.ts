/**
 * npm run eval — the interpretation scorecard. Runs the fixtures through the offline interpreter
 * (and through the LLM when one is configured), prints passed/total per category, and exits
 * non-zero if the offline score is under OFFLINE_THRESHOLD. The LLM score is reported, not gated:
 * it depends on a model this project does not control.
 */
import { loadConfig } from '../server/config.ts';
import { OFFLINE_THRESHOLD, offlineRunner } from './offline.ts';
import { formatScorecard, score, type Runner } from './score.ts';
import { formatScoped, scoreScoped, SCOPED_THRESHOLD } from './scoped.ts';
import { interpretOffline, reviseOffline } from '../server/interpret/index.ts';
import { printTitles } from './titles/score.ts';
import { printMood } from './mood/run.ts';
import { safetyEval } from './safety/main.ts';
import { LIVE_THRESHOLD, printAnswers } from './live/answers.ts';
import { printLyricHelp } from './lyric-help/card.ts';

// `npm run eval live` prints only the call-and-response card (eval/live/).
if (process.argv[2] === 'live') {
  if (printAnswers() < LIVE_THRESHOLD) process.exitCode = 1;
  process.exit();
}

// `npm run eval sound` prints only the sound scorecard (eval/sound/card.ts).
if (process.argv[2] === 'sound') {
  const { soundScorecard } = await import('./sound/card.ts');
  const card = await soundScorecard();
  console.log(card.text);
  process.exit(card.ok ? 0 : 1);
}

// `npm run eval safety` prints only the safety scorecard; `npm run eval` prints it after the rest.
if (process.argv[2] === 'safety') {
  if (!safetyEval()) process.exitCode = 1;
  process.exit();
}
// `npm run eval lyrics` prints only the lyric-fitting scorecard (eval/lyrics/).
if (process.argv[2] === 'lyrics') {
  const { printLyrics, STRESS_TARGET } = await import('./lyrics/score.ts');
  if (printLyrics(process.argv.includes('--verbose')) < STRESS_TARGET) process.exitCode = 1;
  process.exit();
}

// `npm run eval singit` prints only the Sing it card (transcription and harmonisation).
if (process.argv[2] === 'singit') {
  const { singItScorecard } = await import('./transcribe/card.ts');
  const card = singItScorecard();
  console.log(card.text);
  process.exit(card.ok ? 0 : 1);
}

// `npm run eval orchestra` prints only the orchestration card (issue #17 item 4, eval/orchestra/).
if (process.argv[2] === 'orchestra') {
  const { orchestraCard } = await import('./orchestra/card.ts');
  const card = orchestraCard();
  console.log(card.text);
  process.exit(card.ok ? 0 : 1);
}

// `npm run eval craft` prints only the songcraft card (issue #16); `npm run eval` prints it with the rest.
if (process.argv[2] === 'craft') {
  const { craftCard } = await import('./craft/card.ts');
  if (!craftCard().ok) process.exitCode = 1;
  if (process.argv.includes('--held-out')) {
    console.log('');
    if (!craftCard(true, 'held-out').ok) process.exitCode = 1;
  }
  process.exit();
}

// `npm run eval -- --mood-only [--held-out]` prints only the mood scorecard (eval/mood/), with the held-out halves when asked.
if (process.argv.includes('--mood-only')) {
  if ((await printMood(process.argv.includes('--held-out'))) < OFFLINE_THRESHOLD) process.exitCode = 1;
  process.exit();
}

const offline = await score(offlineRunner);
console.log(formatScorecard(offline));

// Scoped requests, judged on the MIDI notes of each section (eval/scoped.ts).
const scoped = await scoreScoped(async (t) => interpretOffline(t).params, async (p, r) => reviseOffline(p, r).params);
console.log('\n' + formatScoped(scoped, 'offline'));

const config = loadConfig(process.env);
if (config.llm.mode === 'llm') {
  const { interpretWithLlm, reviseWithLlm } = await import('../server/llm/interpret.ts');
  let fallbacks = 0;
  const llm: Runner = {
    name: `llm (${config.llm.model})`,
    interpret: async (text) => { const a = await interpretWithLlm(config, text); if (a.fallback) fallbacks++; return a.params; },
    revise: async (params, request) => { const a = await reviseWithLlm(config, params, request); if (a.fallback) fallbacks++; return { params: a.params }; },
  };
  const card = await score(llm);
  console.log('\n' + formatScorecard(card));
  const llmScoped = await scoreScoped(async (t) => interpretOffline(t).params, async (p, r) => (await llm.revise(p, r)).params);
  console.log('\n' + formatScoped(llmScoped, llm.name));
  if (fallbacks) console.log(`  (${fallbacks} calls fell back to the offline path)`);
} else {
  console.log(`\n(no LLM configured — ${config.llm.reason}; set OPENAI_API_KEY or OPENAI_BASE_URL to score one too)`);
}

console.log('');
// Each scorecard prints its own table and returns its share right; all must reach the threshold.
const cards: { name: string; share: number; threshold?: number }[] = [{ name: 'offline', share: offline.passed / offline.total }];
cards.push({ name: 'titles', share: printTitles() });
cards.push({ name: 'mood set', share: await printMood(process.argv.includes('--held-out')) });
cards.push({ name: 'scoped requests', share: scoped.passed / scoped.total, threshold: SCOPED_THRESHOLD });
cards.push({ name: 'lyric help', share: printLyricHelp() });
{
  const { printLyrics, STRESS_TARGET } = await import('./lyrics/score.ts');
  console.log('');
  cards.push({ name: 'lyric stress on strong beats', share: printLyrics(), threshold: STRESS_TARGET });
}

// Sing it (#19): transcription of held-out synthetic singers and harmonisation of held-out tunes; own targets.
const { singItScorecard } = await import('./transcribe/card.ts');
const singIt = singItScorecard();
console.log('\n' + singIt.text);
if (!singIt.ok) process.exitCode = 1;
console.log('');
cards.push({ name: 'call and response', share: printAnswers(), threshold: LIVE_THRESHOLD });

// The guide's conversations in four languages (eval/conversations/): its own targets, not a share.
const { conversationScorecard } = await import('./conversations/card.ts');
const conversations = await conversationScorecard();
console.log('\n' + conversations.text);
if (!conversations.ok) process.exitCode = 1;

// Timbre and loudness through the sound bank (eval/sound/card.ts): its own targets, not a share.
const { soundScorecard } = await import('./sound/card.ts');
const sound = await soundScorecard();
console.log('\n' + sound.text);
if (!sound.ok) process.exitCode = 1;

// Songcraft (eval/craft/): the issue #16 measures on exported MIDI, each against its own target.
const { craftCard } = await import('./craft/card.ts');
console.log('');
const craft = craftCard();
if (!craft.ok) process.exitCode = 1;

// Orchestration that follows the song (eval/orchestra/): voices by section energy and instrument ranges.
const { orchestraCard } = await import('./orchestra/card.ts');
const orchestra = orchestraCard();
console.log('\n' + orchestra.text);
if (!orchestra.ok) process.exitCode = 1;

console.log('');
for (const card of cards) {
  console.log(`${card.name} ${(card.share * 100).toFixed(0)}% (threshold ${((card.threshold ?? OFFLINE_THRESHOLD) * 100).toFixed(1)}%)`);
}

// The safety floor has its own targets (recall, false alarms), checked inside safetyEval.
console.log('');
const safetyOk = safetyEval(false);
if (cards.some((c) => c.share < (c.threshold ?? OFFLINE_THRESHOLD)) || !safetyOk) process.exitCode = 1;
