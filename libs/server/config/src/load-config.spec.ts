import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  ConfigError,
  databaseEnv,
  parseConfig,
  redactConfig,
  redisEnv,
  requireStorageSettings,
  storageEnv,
} from './index';

const appEnv = databaseEnv.merge(redisEnv).merge(storageEnv).superRefine(requireStorageSettings);
const valid = { DATABASE_URL: 'postgres://berth@127.0.0.1:5432/berth', REDIS_URL: 'redis://127.0.0.1:6379/0' };

describe('parseConfig', () => {
  it('applies defaults to a minimal environment', () => {
    expect(parseConfig(appEnv, valid)).toMatchObject({
      DATABASE_POOL_SIZE: 10,
      BERTH_REDIS_PREFIX: 'berth',
      BERTH_STORAGE_DRIVER: 'filesystem',
      BERTH_S3_BUCKET: 'berth',
    });
  });

  it.each([
    [{ REDIS_URL: valid.REDIS_URL }, 'DATABASE_URL is required but not set'],
    [{ ...valid, DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// URL'],
    [{ ...valid, DATABASE_POOL_SIZE: 'lots' }, 'DATABASE_POOL_SIZE expected number, received nan'],
    [{ ...valid, BERTH_STORAGE_DRIVER: 'ftp' }, 'BERTH_STORAGE_DRIVER must be filesystem or s3'],
    [{ ...valid, BERTH_STORAGE_DRIVER: 's3' }, 'BERTH_S3_ENDPOINT is required when BERTH_STORAGE_DRIVER=s3'],
    [{ ...valid, BERTH_S3_BUCKET: 'Bad_Bucket' }, 'BERTH_S3_BUCKET must be a valid bucket name'],
  ])('names the variable and the fault: %j', (env, expected) => {
    expect(() => parseConfig(appEnv, env)).toThrow(ConfigError);
    expect(() => parseConfig(appEnv, env)).toThrow(expected);
  });

  it('treats empty variables as unset so defaults apply', () => {
    expect(parseConfig(appEnv, { ...valid, BERTH_STORAGE_DRIVER: '' }).BERTH_STORAGE_DRIVER).toBe('filesystem');
  });

  it('reports every bad variable on one line', () => {
    const error = (() => {
      try {
        parseConfig(appEnv, {});
      } catch (err) {
        return err as ConfigError;
      }
    })();
    expect(error?.issues).toHaveLength(2);
    expect(error?.message).not.toContain('\n');
  });
});

describe('loadConfig', () => {
  it('stops the process with exit status 78 and one line naming the variable', () => {
    const script = `
      const { loadConfig, databaseEnv } = require(${JSON.stringify(join(__dirname, 'index.ts'))});
      loadConfig('probe', databaseEnv);
      console.log('not reached');`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      env: { PATH: process.env['PATH'], DATABASE_URL: 'not-a-url' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(78);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^berth-probe: invalid configuration: DATABASE_URL must be a postgres:\/\/ URL/),
    ]);
  });
});

describe('redactConfig', () => {
  it('masks secrets and passwords inside URLs', () => {
    expect(
      redactConfig({
        BERTH_S3_SECRET_KEY: 'hunter2',
        BERTH_ADMIN_PASSWORD: 'pw',
        DATABASE_URL: 'postgres://berth:s3cret@db:5432/berth',
        LOG_LEVEL: 'info',
      }),
    ).toEqual({
      BERTH_S3_SECRET_KEY: '***',
      BERTH_ADMIN_PASSWORD: '***',
      DATABASE_URL: 'postgres://berth:***@db:5432/berth',
      LOG_LEVEL: 'info',
    });
  });
});
