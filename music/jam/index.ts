/** Jam mode's pure logic: loop parameters, swap timing at barlines, and the Web MIDI message stream. */
export * from './params.ts';
export * from './loop.ts';
export * from './swap.ts';
export * from './midi.ts';
export * from './take.ts';
export * from './live-midi.ts';
export * from './follow.ts';
export * from './respond.ts';
export * from './follow-line.ts';
