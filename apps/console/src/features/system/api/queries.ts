import { queryOptions, useQuery } from '@tanstack/react-query';
import { HttpStatus } from '../../../shared/api/api-error';
import { berthClient, unwrap } from '../../../shared/api/client';
import { systemKeys } from './keys';

/** Re-polls health every 30 s so a recovered or failed component shows without a reload. */
const HEALTH_REFRESH_MS = 30_000;
/** System information changes only with a redeploy: five minutes of cache spare a request on every screen. */
const SYSTEM_INFO_STALE_MS = 5 * 60_000;

/** Describes the systeminfo query (public: the sign-in page reads the auth mode from it). */
export const systemInfoQuery = () =>
  queryOptions({
    queryKey: systemKeys.info(),
    queryFn: async ({ signal }) => unwrap(await berthClient.GET('/systeminfo', { signal })),
    staleTime: SYSTEM_INFO_STALE_MS,
  });

/** Describes the health query; health answers 503 with the same body when a component is down. */
export const healthQuery = () =>
  queryOptions({
    queryKey: systemKeys.health(),
    queryFn: async ({ signal }) =>
      unwrap(await berthClient.GET('/health', { signal }), [HttpStatus.ServiceUnavailable]),
    refetchInterval: HEALTH_REFRESH_MS,
  });

/** Loads the platform's system information. */
export const useSystemInfo = () => useQuery(systemInfoQuery());

/** Loads the platform's component health. */
export const useHealth = () => useQuery(healthQuery());
