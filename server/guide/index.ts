/** The reflective guide: stages, the offline conversation, intention proposals and sketch replies. */
export { guideStep, type GuideStep, type GuideAction } from './offline.ts';
export { GuideState, parseState, STAGES, type Stage } from './state.ts';
export { GuideTemplate, TemplateQuestion, firstTemplateStage, nextTemplateStage, templateQuestion } from './template.ts';
export { proposeIntention, keyPhrase, isShortcut, isJustMake } from './words.ts';
export { correction, correctionIn, correctedIntention, swapPhrase, type Changed } from './corrections.ts';
export { firstSketchReply, revisionReply, notUnderstoodReply, absentSectionReply, correctedReply } from './replies.ts';
export { offlineSummary } from './summary.ts';
export { crisisReply, CRISIS_SUGGESTIONS } from './crisis.ts';
export { guideText, type GuideText } from './text.ts';
export { composeIntention } from './intention.ts';
export { intentionAfterCorrection, intentionForSketch, summaryWithIntention } from './edited.ts';
