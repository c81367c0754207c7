/** The answer of `GET /api/v2.0/systeminfo`. */
export interface SystemInfo {
  berth_version: string;
  storage_backend: 'filesystem' | 's3';
  auth_mode: 'db_auth' | 'ldap_auth';
  registry_url: string;
  external_url: string;
  with_console: boolean;
  current_time: string;
}

/** Whether one component, or the whole service, works. */
export type HealthStatus = 'healthy' | 'unhealthy';

/** One component of `GET /api/v2.0/health`. */
export interface ComponentHealth {
  name: string;
  status: HealthStatus;
  error?: string;
}

/** The answer of `GET /api/v2.0/health`. */
export interface Health {
  status: HealthStatus;
  components: ComponentHealth[];
}
