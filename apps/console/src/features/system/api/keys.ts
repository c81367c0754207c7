/** TanStack Query keys of the system feature, one factory so invalidation can target the whole feature. */
export const systemKeys = {
  all: ['system'] as const,
  info: () => [...systemKeys.all, 'info'] as const,
  health: () => [...systemKeys.all, 'health'] as const,
};
