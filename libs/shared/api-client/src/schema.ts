// Generated from openapi.json by apps/core-api/src/openapi/generate.ts (`npm run openapi`). Do not edit.

export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reports the state of every component; 503 when any is unhealthy. */
    get: operations['SystemController_getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ping': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Answers "Pong" while the API process is up. */
    get: operations['SystemController_ping'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/systeminfo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Returns the version, storage backend, auth mode and registry address. */
    get: operations['SystemController_systemInfo'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ComponentHealthDto: {
      details?: {
        [key: string]: unknown;
      };
      error?: string;
      /** @example database */
      name: string;
      /** @enum {string} */
      status: 'healthy' | 'unhealthy';
    };
    Errors: {
      errors: {
        /** @example BAD_REQUEST */
        code: string;
        /** @example page_size must be at most 100, got 500 */
        message: string;
      }[];
    };
    OverallHealthDto: {
      components: components['schemas']['ComponentHealthDto'][];
      /** @enum {string} */
      status: 'healthy' | 'unhealthy';
    };
    SystemInfoDto: {
      /** @enum {string} */
      auth_mode: 'db_auth' | 'ldap_auth';
      /** @example 0.1.0 */
      berth_version: string;
      /** Format: date-time */
      current_time: string;
      /** @example http://localhost:8080 */
      external_url: string;
      /**
       * @description The registry address to use with docker, podman or skopeo.
       * @example localhost:5000
       */
      registry_url: string;
      /** @enum {string} */
      storage_backend: 'filesystem' | 's3';
      /** @description Whether this core-api serves the console bundle itself. */
      with_console: boolean;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  SystemController_getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OverallHealthDto'];
        };
      };
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OverallHealthDto'];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  SystemController_ping: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': string;
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
  SystemController_systemInfo: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SystemInfoDto'];
        };
      };
      /** @description Error: `{"errors":[{"code","message"}]}`. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Errors'];
        };
      };
    };
  };
}
