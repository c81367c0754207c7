import { dataSourceOptions, DEFAULT_DATABASE_POOL_SIZE, MIGRATIONS_TABLE_NAME } from './data-source';
import { ENTITIES } from './entities';

const URL = 'postgres://berth@127.0.0.1:5432/berth';

describe('dataSourceOptions', () => {
  it('never changes the schema on boot: no synchronize, no migrations run', () => {
    const options = dataSourceOptions({ DATABASE_URL: URL });

    expect(options).toMatchObject({
      type: 'postgres',
      url: URL,
      synchronize: false,
      migrationsRun: false,
      migrations: [],
      migrationsTableName: MIGRATIONS_TABLE_NAME,
    });
    expect(MIGRATIONS_TABLE_NAME).toBe('schema_migration');
  });

  it('uses exactly the shared entity list', () => {
    expect(dataSourceOptions({ DATABASE_URL: URL }).entities).toBe(ENTITIES);
  });

  it('takes the pool size from the environment, with the config default when unset', () => {
    expect(dataSourceOptions({ DATABASE_URL: URL, DATABASE_POOL_SIZE: 3 }).poolSize).toBe(3);
    expect(dataSourceOptions({ DATABASE_URL: URL }).poolSize).toBe(DEFAULT_DATABASE_POOL_SIZE);
  });

  it('lets a service name itself in pg_stat_activity and override other settings', () => {
    const options = dataSourceOptions({ DATABASE_URL: URL }, { applicationName: 'berth-registry', poolSize: 2 });

    expect(options.applicationName).toBe('berth-registry');
    expect(options.poolSize).toBe(2);
    expect(dataSourceOptions({ DATABASE_URL: URL }).applicationName).toBe('berth');
  });
});
