import { type PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { ENTITIES } from './entities';

/** The table where TypeORM records applied migrations (singular snake_case, like every other table). */
export const MIGRATIONS_TABLE_NAME = 'schema_migration';

/** Connections per process when DATABASE_POOL_SIZE is unset; matches the default of databaseEnv in @berth/config. */
export const DEFAULT_DATABASE_POOL_SIZE = 10;

/** The application_name Postgres shows in pg_stat_activity when the caller does not name itself. */
export const DEFAULT_APPLICATION_NAME = 'berth';

/** The part of the environment a data source needs; `databaseEnv` of @berth/config produces it. */
export interface DataSourceEnv {
  DATABASE_URL: string;
  DATABASE_POOL_SIZE?: number;
}

/** Settings a caller may change: its application_name, logging, a different entity list for checks, … */
export type DataSourceOverrides = Partial<Omit<PostgresConnectionOptions, 'type'>>;

/**
 * Builds the Postgres DataSource options every service uses: the shared entities, no schema synchronisation and no
 * migrations on boot, because migrations run as a separate step before the apps start (see migrations/cli.ts, which
 * adds the migration list itself so that this lib does not depend on the migrations project).
 */
export function dataSourceOptions(env: DataSourceEnv, overrides: DataSourceOverrides = {}): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    entities: ENTITIES,
    migrations: [],
    migrationsTableName: MIGRATIONS_TABLE_NAME,
    migrationsRun: false,
    synchronize: false,
    poolSize: env.DATABASE_POOL_SIZE ?? DEFAULT_DATABASE_POOL_SIZE,
    applicationName: DEFAULT_APPLICATION_NAME,
    logging: false,
    ...overrides,
  };
}
