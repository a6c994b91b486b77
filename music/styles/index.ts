/** The world palette: style templates, applyStyle / applyScale, and the words for scales, feels and groupings. */
export { TEMPLATES, findTemplate } from './templates.ts';
export { StyleTemplate } from './template.ts';
export { applyStyle, applyScale, type StyleBlend, type ApplyOptions } from './apply.ts';
export { acceptedModes, modeDistance, modeForTemplate } from './modes.ts';
export { SCALE_WORDS, WORLD_FEEL_WORDS, GROUPING_WORDS } from './words.ts';
export { SCALE_APPROACHES, approachFor, type ScaleApproach } from '../harmony/approach.ts';
export { describeStyle } from './describe.ts';
