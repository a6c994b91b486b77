/**
 * The offline guide's words, as data: one question per stage (drawn from songwriting teaching and
 * therapeutic songwriting: subject and why now → emotion → message → object writing → listener →
 * references), the way each answer is reflected back, and gentle options for "I don't know".
 */
import type { Stage } from './state.ts';

export interface StageScript {
  question: string;
  /** How an answer at this stage is reflected back; {q} is a short quote of their words. */
  reflect: string;
  /** For "I don't know": a gentle line and options offered as suggestion chips. */
  unsure: string;
  options: string[];
}

export const SCRIPT: Record<Stage, StageScript> = {
  about: {
    question: 'What is this song about, and why does it want to be written now?',
    reflect: 'You said “{q}”.',
    unsure: "That's all right — songs often start before we know what they're about. Is it closer to a person, a place, a change, or a feeling that won't leave? Pick one, or say it your own way.",
    options: ['a person', 'a place I miss', 'something that changed', "a feeling I can't shake"],
  },
  feeling: {
    question: 'When you think about it, what do you feel? If you can, name the feeling, how strong it is, and where you notice it in your body.',
    reflect: '“{q}” — thank you for naming that.',
    unsure: "Feelings can be hard to name. Does it sit closer to tender, restless, heavy, hopeful or angry? Any of these, or your own word, is fine.",
    options: ['tender', 'restless', 'heavy but calm', 'hopeful', 'angry'],
  },
  message: {
    question: 'If the listener kept only one thing from this song, what would you want it to be?',
    reflect: 'So the heart of it is “{q}”.',
    unsure: "No need to be sure yet. Some songs say “you're not alone”, some say “I'm still here”, some just say “thank you”. Does one of those come close?",
    options: ["you're not alone", "I'm still here", "it's okay to let go", 'thank you'],
  },
  images: {
    question: 'Picture a place that belongs to this song. What do you see, hear or smell there?',
    reflect: '“{q}” — I can almost see it.',
    unsure: 'Try one small, real thing: a room at a certain hour, a sound through a window, a smell you would know anywhere. What comes first?',
    options: ['a kitchen at night', 'rain on the window', 'an empty station', 'the smell of the sea'],
  },
  audience: {
    question: 'Who is the song for — someone in particular, yourself, or anyone who needs it?',
    reflect: '“{q}” — good to know who it is for.',
    unsure: 'It can be for one person, for yourself, or for whoever needs to hear it. Which feels truest today?',
    options: ['someone I love', 'myself', 'someone I lost', 'anyone who needs it'],
  },
  references: {
    question: "Is there any music it might sit near — a song, an artist, a sound? This one's optional: say skip if nothing comes.",
    reflect: '“{q}” — good to know.',
    unsure: "That's fine, references are optional. We can skip it, or you can name a sound you like: acoustic, piano, something to dance to.",
    options: ['skip', 'something acoustic', 'something with piano', 'something I can dance to'],
  },
  intention: {
    question: 'Does that sound right? Say yes, or change it in your own words.',
    reflect: '“{q}”.',
    unsure: "You don't have to get it perfect. Say yes if it's near enough, or tell me the one part that feels wrong.",
    options: ['yes', 'just make something'],
  },
  listening: {
    question: "Have a listen. Is it closer to what you meant, or further? What's missing?",
    reflect: '“{q}”.',
    unsure: "Listen once more and notice the first thing that feels off — the speed, the mood, the sound. Or try one of these.",
    options: ['slower', 'brighter', 'more space', 'add a bridge', 'warmer sound'],
  },
};

/** Fixed lines the offline guide uses around the stage questions. */
export const LINES = {
  propose: 'Here is what I have heard so far: “{intention}”',
  intentionAgain: 'Tell me in your own words what the song is for, and I will keep it as you say it.',
  corrected: 'Got it — “{q}”. I will use that instead.',
  resume: 'Thank you for coming back to it. We can pick the song up again, gently and at your pace.',
  closer: 'Good — that helps. What would bring it even closer?',
  further: "Thanks for saying so. What feels furthest from what you meant — the speed, the mood, or the sound?",
  notUnderstood: "I couldn't turn “{q}” into a musical change yet. Could you say it another way — faster or slower, brighter or darker, fuller or sparser, or a key or section?",
  firstSketch: 'Here is a first sketch{for}: {key} {mode}, {tempo} bpm in {meter}.',
  revised: 'Version {n}: {changes}.',
  unchanged: 'Version {n} keeps the same choices.',
  intentionNow: 'The intention now reads: “{intention}” — change it again any time.',
  musicKept: 'The music stays as it was.',
  reasonsOnly: 'Version {n} keeps the same music; its reasons now follow what you said.',
} as const;

/** Suggestion chips while gathering answers, after a proposal, and while listening. */
export const CHIPS = {
  asking: ["I don't know", 'skip', 'just make something'],
  proposing: ['yes', 'just make something'],
  listening: ['closer', 'further', 'slower', 'brighter', 'add a bridge'],
} as const;
