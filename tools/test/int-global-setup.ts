import { startLdap, startSwift } from '@berth/testing';
import { Client } from 'pg';
import { Redis } from 'ioredis';

/** Default admin connection for creating per-suite test databases (the machine's Postgres, trust auth). */
const DEFAULT_PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379/0';

async function requirePostgres(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    throw new Error(
      `integration tests need Postgres at ${url} (set BERTH_TEST_DATABASE_ADMIN_URL): ${(err as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function requireRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5_000 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`integration tests need Redis at ${url} (set BERTH_TEST_REDIS_URL): ${(err as Error).message}`);
  } finally {
    redis.disconnect();
  }
}

/**
 * Global setup of the integration and end-to-end projects: checks the machine's Postgres and Redis, and starts a
 * throwaway S3 service (OpenStack Swift's S3 API) unless BERTH_TEST_S3_ENDPOINT points at one already, and a
 * throwaway OpenLDAP loaded with LDAP_FIXTURE unless BERTH_TEST_LDAP_URL points at one already.
 */
export default async function setup(): Promise<() => Promise<void>> {
  process.env['BERTH_TEST_DATABASE_ADMIN_URL'] ??= DEFAULT_PG_ADMIN_URL;
  process.env['BERTH_TEST_REDIS_URL'] ??= DEFAULT_REDIS_URL;
  await requirePostgres(process.env['BERTH_TEST_DATABASE_ADMIN_URL']);
  await requireRedis(process.env['BERTH_TEST_REDIS_URL']);
  const ldap = await startTestLdap();
  if (process.env['BERTH_TEST_S3_ENDPOINT']) return ldap;
  const swift = await startSwift().catch(async (err: unknown) => {
    await ldap();
    throw err;
  });
  process.env['BERTH_TEST_S3_ENDPOINT'] = swift.endpoint;
  process.env['BERTH_TEST_S3_ACCESS_KEY'] = swift.accessKey;
  process.env['BERTH_TEST_S3_SECRET_KEY'] = swift.secretKey;
  process.env['BERTH_TEST_S3_REGION'] = swift.region;
  return async () => {
    await Promise.all([swift.stop(), ldap()]);
  };
}

/** Starts the throwaway OpenLDAP (LDAP_FIXTURE loaded) unless BERTH_TEST_LDAP_URL points at one; returns its stop. */
async function startTestLdap(): Promise<() => Promise<void>> {
  if (process.env['BERTH_TEST_LDAP_URL']) return async () => undefined;
  const ldap = await startLdap();
  process.env['BERTH_TEST_LDAP_URL'] = ldap.url;
  process.env['BERTH_TEST_LDAP_BASE_DN'] = ldap.baseDn;
  process.env['BERTH_TEST_LDAP_ADMIN_DN'] = ldap.adminDn;
  process.env['BERTH_TEST_LDAP_ADMIN_PASSWORD'] = ldap.adminPassword;
  return () => ldap.stop();
}
