/**
 * "too fast", "not so loud", "a bit less busy": the musician names what to move away from. Each row
 * is the words they might use and the revision (in the reviser's own words) that moves the other way.
 * Innerchord's own table, MIT.
 */
import type { Aspect } from './request-types.ts';

export interface Opposite {
  /** Regex source for what is "too much" ("fast|quick|rushed"). */
  words: string;
  aspect: Aspect;
  /** A request the reviser already understands, run in its place ("slower"). */
  revise: string;
}

export const OPPOSITES: readonly Opposite[] = [
  { words: 'fast|quick|rushed|hurried|speedy', aspect: 'tempo', revise: 'slower' },
  { words: 'slow|sluggish|draggy|dragging', aspect: 'tempo', revise: 'faster' },
  { words: 'loud|noisy|blaring', aspect: 'dynamics', revise: 'softer' },
  { words: 'quiet|soft|faint', aspect: 'dynamics', revise: 'louder' },
  { words: 'busy|cluttered|crowded|dense|full|thick|cramped|much\\s+going\\s+on', aspect: 'drums', revise: 'sparser' },
  { words: 'sparse|empty|thin|bare', aspect: 'drums', revise: 'fuller' },
  { words: 'dark|gloomy|bleak|moody|ominous', aspect: 'mood', revise: 'brighter' },
  { words: 'bright|sunny|shiny', aspect: 'mood', revise: 'darker' },
  { words: 'sad|depressing|melancholy|mournful|somber|sombre', aspect: 'mood', revise: 'happier' },
  { words: 'happy|cheerful|cheery|jolly|sweet', aspect: 'mood', revise: 'sadder' },
  { words: 'calm|sleepy|mellow|relaxed|laid[-\\s]back|chill|boring', aspect: 'mood', revise: 'more energy' },
  { words: 'intense|energetic|frantic|hectic|aggressive|angry|harsh|loud\\s+and\\s+fast', aspect: 'mood', revise: 'calmer' },
  { words: 'cold|cool|clinical|sterile', aspect: 'mood', revise: 'warmer' },
  { words: 'long|drawn[-\\s]out', aspect: 'sections', revise: 'shorter' },
  { words: 'short|brief', aspect: 'sections', revise: 'make it longer' },
  { words: 'high|high[-\\s]pitched|shrill', aspect: 'melody', revise: 'lower' },
  { words: 'low', aspect: 'melody', revise: 'higher' },
  { words: 'simple|plain|basic', aspect: 'chords', revise: 'richer chords' },
  { words: 'complex|complicated|jazzy|fancy', aspect: 'chords', revise: 'simpler chords' },
  { words: 'stiff|robotic|mechanical|rigid|straight', aspect: 'rhythm', revise: 'looser' },
  { words: 'loose|sloppy|messy', aspect: 'rhythm', revise: 'tighter' },
  { words: 'swingy|swung|bouncy', aspect: 'rhythm', revise: 'straighter' },
];
