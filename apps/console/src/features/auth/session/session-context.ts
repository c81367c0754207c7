import { createContext, useContext } from 'react';
import type { User } from '../../../shared/api/types';

/** The signed-in user, as every screen behind sign-in sees it. */
export interface Session {
  user: User;
}

/** Carries the session below `RequireSession`. */
export const SessionContext = createContext<Session | null>(null);

/** Returns the session; only screens behind `RequireSession` may call it. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a signed-in area: render it below <RequireSession>');
  return session;
}

/** Returns the session, or null outside a signed-in area. */
export function useOptionalSession(): Session | null {
  return useContext(SessionContext);
}
