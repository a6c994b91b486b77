/**
 * The session templates Innerchord ships with, as data: reflective series, a first-session
 * warm-up, a lighter opener, and classroom exercises. Each asks some of the guide's stages in its
 * own words and order; the intention and listening stages follow as usual. Innerchord's own text, MIT.
 */
import type { TemplateInputRaw } from './shapes.ts';

export const BUILTIN_TEMPLATES: readonly (TemplateInputRaw & { id: string })[] = [
  {
    id: 'builtin:past-self',
    name: 'Three selves (1 of 3): past self',
    kind: 'reflective',
    description: 'The first of three songs about your past, present and future self. Take them one session at a time.',
    questions: [
      { stage: 'about', question: 'Think of yourself at some point in the past — an age, a year, a place. Who were you then, and why does that self come to mind today?' },
      { stage: 'images', question: 'Picture that younger you somewhere real. What do you see, hear or smell around them?' },
      { stage: 'feeling', question: 'Looking back at them now, what do you feel towards that past self, and where do you notice it?' },
      { stage: 'message', question: 'If your past self could hear one line from you, what would it be?' },
    ],
  },
  {
    id: 'builtin:present-self',
    name: 'Three selves (2 of 3): present self',
    kind: 'reflective',
    description: 'The second of three songs: who you are right now.',
    questions: [
      { stage: 'about', question: 'What is your life like right now, this season? What is taking up most of the room in it?' },
      { stage: 'feeling', question: 'When you stop for a moment today, what do you feel, how strongly, and where in your body?' },
      { stage: 'images', question: 'Name one ordinary object or place from your days at the moment. What does it look or sound like?' },
      { stage: 'message', question: 'What would you like the person you are today to hear?' },
    ],
  },
  {
    id: 'builtin:future-self',
    name: 'Three selves (3 of 3): future self',
    kind: 'reflective',
    description: 'The last of three songs: a song to, or from, the person you are becoming.',
    questions: [
      { stage: 'about', question: 'Imagine yourself some years from now. Where are you, and what has changed?' },
      { stage: 'audience', question: 'Is this song for your future self, or sung by them back to you today?' },
      { stage: 'feeling', question: 'What do you hope that future self feels, most days?' },
      { stage: 'message', question: 'What is the one thing you want to carry from now to then?' },
    ],
  },
  {
    id: 'builtin:fill-in-the-blanks',
    name: 'Warm-up: fill in the blanks',
    kind: 'warm-up',
    description: 'A gentle first session: finish a few half-sentences, and they become a small song.',
    questions: [
      { stage: 'about', question: 'Finish this sentence in your own words: "Today I keep thinking about ___."', options: ['the weather', 'someone I miss', 'home', 'nothing much'] },
      { stage: 'feeling', question: 'And this one: "It makes me feel ___."', options: ['calm', 'restless', 'tired', 'hopeful'] },
      { stage: 'images', question: 'One more: "If it were a place, it would be ___."', options: ['a quiet kitchen', 'a busy street', 'the seaside', 'a bus at night'] },
    ],
  },
  {
    id: 'builtin:fill-in-the-blank-song',
    name: 'Fill-in-the-blank song',
    kind: 'reflective',
    description: 'Finish four half-lines and they become the words of your song: two for the verse, two for the chorus. Change any of them later in the Words panel.',
    questions: [
      { stage: 'about', question: 'Finish the first line of the verse: "When I think of ___".', line: { section: 'verse', text: 'When I think of ___' } },
      { stage: 'images', question: 'The second line, a picture: "I still see ___".', line: { section: 'verse', text: 'I still see ___' } },
      { stage: 'message', question: 'Now the chorus, the line to keep: "I want you to know ___".', line: { section: 'chorus', text: 'I want you to know ___' } },
      { stage: 'feeling', question: 'And the chorus answers it: "And I feel ___".', options: ['calm', 'lighter', 'grateful', 'still sad'], line: { section: 'chorus', text: 'And I feel ___' } },
    ],
  },
  {
    id: 'builtin:song-parody',
    name: 'Song parody: new words to a song you know',
    kind: 'reflective',
    description: 'Borrow the shape of a song you know and write your own words on it. The Words panel\'s Parody box shows its lines\' syllables and stresses to write to.',
    questions: [
      { stage: 'references', question: 'Which song do you know well enough to sing? Its title and who sings it are enough.' },
      { stage: 'about', question: 'What should your new words be about?' },
      { stage: 'message', question: 'Write your first chorus line, to the rhythm of that song\'s chorus.', line: { section: 'chorus' } },
      { stage: 'images', question: 'Now a verse line, to the rhythm of its verse: one picture.', line: { section: 'verse' } },
    ],
  },
  {
    id: 'builtin:light-opener',
    name: 'A lighter opener',
    kind: 'opener',
    description: 'Something easy before personal material: a small good thing from this week.',
    questions: [
      { stage: 'about', question: "Let's start light. What's one small thing that made you smile this week?", options: ['a good cup of coffee', 'a song on the radio', 'a message from a friend', 'the sun coming out'] },
      { stage: 'images', question: 'Where were you when it happened? What could you see or hear?' },
      { stage: 'feeling', question: 'How would you describe that moment in one or two words?', options: ['warm', 'silly', 'peaceful', 'bright'] },
    ],
  },
  {
    id: 'builtin:two-moods',
    name: 'Classroom: the same words in two moods',
    kind: 'classroom',
    description: 'Write one line, make it sound one way, then ask for the opposite mood ("darker", "brighter", "slower") and compare the two versions.',
    questions: [
      { stage: 'message', question: 'Write one short lyric line — eight words or fewer — that you would like to hear sung.' },
      { stage: 'feeling', question: 'Choose the first mood for that line: which feeling should the music give it?', options: ['joyful', 'heartbroken', 'angry', 'peaceful'] },
    ],
  },
  {
    id: 'builtin:dorian',
    name: 'Classroom: write in Dorian',
    kind: 'classroom',
    description: 'Every sketch starts in the Dorian mode: minor with a raised sixth. Listen for that one bright note in a dark scale.',
    questions: [
      { stage: 'about', question: 'Dorian sounds minor but hopeful. What situation feels like that to you — sad and hopeful at once?' },
      { stage: 'feeling', question: 'Which side is stronger in it, the sadness or the hope?', options: ['mostly sad', 'half and half', 'mostly hopeful'] },
      { stage: 'images', question: 'Give it one picture: a place, a sound or a smell.' },
    ],
    constraint: { mode: 'dorian' },
  },
];
