type Listener = () => void;

const listeners = new Set<Listener>();

/** Subscribes to "the API said 401": the session provider listens to send the user back to sign-in. */
export function onUnauthorized(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Announces that an API call was refused for want of a valid session. */
export function emitUnauthorized(): void {
  for (const listener of listeners) listener();
}
