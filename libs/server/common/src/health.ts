/** The state of one component as reported on health endpoints (Harbor's vocabulary). */
export type ComponentStatus = 'healthy' | 'unhealthy';

/** One component's health, with an error message when it is unhealthy. */
export interface ComponentHealth {
  name: string;
  status: ComponentStatus;
  error?: string;
  details?: Record<string, unknown>;
}

/** The whole service's health: healthy only when every component is. */
export interface OverallHealth {
  status: ComponentStatus;
  components: ComponentHealth[];
}

/** Bounds how long one probe may take, so a hung dependency shows as unhealthy instead of hanging the endpoint. */
export const HEALTH_PROBE_TIMEOUT_MS = 3_000;

/** Runs a probe with a timeout and turns its outcome into a ComponentHealth. */
export async function probe(
  name: string,
  check: () => Promise<Record<string, unknown> | void>,
  timeoutMs = HEALTH_PROBE_TIMEOUT_MS,
): Promise<ComponentHealth> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const details = await Promise.race([check(), timeout]);
    return details ? { name, status: 'healthy', details } : { name, status: 'healthy' };
  } catch (err) {
    return { name, status: 'unhealthy', error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

/** Folds component results into the overall status. */
export function overall(components: ComponentHealth[]): OverallHealth {
  return { status: components.every((c) => c.status === 'healthy') ? 'healthy' : 'unhealthy', components };
}
