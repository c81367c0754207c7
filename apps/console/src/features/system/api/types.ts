import type { components } from '@berth/api-client';

/** The answer of `GET /api/v2.0/systeminfo`. */
export type SystemInfo = components['schemas']['SystemInfoDto'];

/** Whether one component, or the whole service, works. */
export type HealthStatus = components['schemas']['OverallHealthDto']['status'];

/** One component of `GET /api/v2.0/health`. */
export type ComponentHealth = components['schemas']['ComponentHealthDto'];

/** The answer of `GET /api/v2.0/health`. */
export type Health = components['schemas']['OverallHealthDto'];
