/** Keyboard helpers for the global shortcuts. */

/** True when a key press belongs to a text field (Space there types a space, not play/stop). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file', 'color'].includes(type);
}

/** True when Space should not toggle playback because it already means something here. */
export function spaceIsTaken(target: EventTarget | null): boolean {
  if (isTypingTarget(target)) return true;
  // Buttons, links, checkboxes and summaries activate on Space; leave them their meaning.
  return target instanceof HTMLElement && target.closest('button, a[href], summary, [role="button"], [role="tab"], input, select') !== null;
}

/** The window event the player listens for to toggle playback (dispatched on Space). */
export const TOGGLE_PLAY_EVENT = 'innerchord:toggle-play';
