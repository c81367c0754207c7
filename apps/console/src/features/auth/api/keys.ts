/** TanStack Query keys of the session, one factory so sign-in and sign-out can target them. */
export const sessionKeys = {
  all: ['session'] as const,
  currentUser: () => [...sessionKeys.all, 'current-user'] as const,
};
