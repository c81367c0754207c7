import { QueryClient, type QueryClientConfig } from '@tanstack/react-query';

/** One retry covers a restart blip without keeping the user waiting on a backend that is really down. */
const QUERY_RETRIES = 1;

/** Creates the console's query client; tests pass overrides such as `retry: false`. */
export function createQueryClient(config: QueryClientConfig = {}): QueryClient {
  return new QueryClient({
    ...config,
    defaultOptions: {
      ...config.defaultOptions,
      queries: { retry: QUERY_RETRIES, refetchOnWindowFocus: false, ...config.defaultOptions?.queries },
    },
  });
}
