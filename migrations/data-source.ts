import { dataSourceOptions, ENTITIES, type DataSourceEnv } from '@berth/db';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './index';

/** Connections the migration step needs: one holds the advisory lock while the other runs the migrations. */
export const MIGRATION_POOL_SIZE = 2;

/** How the migration step shows up in pg_stat_activity. */
export const MIGRATE_APPLICATION_NAME = 'berth-migrate';

/** The entity list a migration data source compares the schema with; ENTITIES unless a check passes its own. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

/**
 * Creates the data source of the migration step: the services' options plus the migration list. The list is added
 * here rather than in @berth/db because migrations depend on the db lib, not the other way round, and no app needs it.
 */
export function createMigrationDataSource(env: Pick<DataSourceEnv, 'DATABASE_URL'>, entities: EntityList = ENTITIES) {
  return new DataSource({
    ...dataSourceOptions(
      { DATABASE_URL: env.DATABASE_URL, DATABASE_POOL_SIZE: MIGRATION_POOL_SIZE },
      { applicationName: MIGRATE_APPLICATION_NAME, entities },
    ),
    migrations: MIGRATIONS,
  });
}

/** Opens the migration data source on `url`, runs `work` and closes it, whatever `work` does. */
export async function withMigrationDataSource<T>(
  url: string,
  work: (dataSource: ReturnType<typeof createMigrationDataSource>) => Promise<T>,
): Promise<T> {
  const dataSource = createMigrationDataSource({ DATABASE_URL: url });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
