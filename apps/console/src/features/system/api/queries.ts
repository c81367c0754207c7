import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../shared/api/http';
import { systemKeys } from './keys';
import type { Health, SystemInfo } from './types';

/** Health answers 503 with the same body when a component is down; the body is what the page shows. */
const HTTP_SERVICE_UNAVAILABLE = 503;
/** Re-polls health every 30 s so a recovered or failed component shows without a reload. */
const HEALTH_REFRESH_MS = 30_000;

/** Describes the systeminfo query. */
export const systemInfoQuery = () =>
  queryOptions({
    queryKey: systemKeys.info(),
    queryFn: ({ signal }) => getJson<SystemInfo>('/systeminfo', { signal }),
  });

/** Describes the health query. */
export const healthQuery = () =>
  queryOptions({
    queryKey: systemKeys.health(),
    queryFn: ({ signal }) => getJson<Health>('/health', { signal, acceptStatuses: [HTTP_SERVICE_UNAVAILABLE] }),
    refetchInterval: HEALTH_REFRESH_MS,
  });

/** Loads the platform's system information. */
export const useSystemInfo = () => useQuery(systemInfoQuery());

/** Loads the platform's component health. */
export const useHealth = () => useQuery(healthQuery());
