import { MutationCache, QueryCache, QueryClient, type QueryClientConfig } from '@tanstack/react-query';
import { HttpStatus, isApiError } from '../shared/api/api-error';
import { emitUnauthorized } from '../shared/api/session-events';

/** One retry covers a restart blip without keeping the user waiting on a backend that is really down. */
const QUERY_RETRIES = 1;

/** Answers in the 4xx range say the request itself is wrong (or not allowed): asking again cannot help. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < QUERY_RETRIES;
}

function reportUnauthorized(error: unknown): void {
  if (isApiError(error, HttpStatus.Unauthorized)) emitUnauthorized();
}

/** Creates the console's query client; any 401 ends the session; tests pass overrides such as `retry: false`. */
export function createQueryClient(config: QueryClientConfig = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: reportUnauthorized }),
    mutationCache: new MutationCache({ onError: reportUnauthorized }),
    ...config,
    defaultOptions: {
      ...config.defaultOptions,
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, ...config.defaultOptions?.queries },
    },
  });
}
