/** The pure music engine's public face: everything server/, cli/ and web/ use comes from here. */
export * from './params.ts';
export * from './sketch.ts';
export { ENGINE_VERSION } from './version.ts';
