/**
 * "Quiet, please", page-wide: the chat asks for it when a crisis reply arrives; whatever plays on
 * the page listens. A tiny module of its own so the chat (in the first bundle) need not import the
 * player, which is loaded lazily with the sketch panel.
 */
const listeners = new Set<() => void>();

/** Listen for hush(); returns the function that stops listening. */
export function onHush(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Ask everything playing on the page to pause. */
export function hush(): void {
  for (const listener of listeners) listener();
}
