/*
 * Throwaway Postgres databases for integration tests.
 *
 * `createTestDatabase(prefix)` creates an empty database; with `{ migrate: true }` it is a copy of a template database
 * that the real migration step (`migrations/cli.ts run`, started as a child process exactly as deployments run it)
 * migrated once. The template is named after a hash of the migration sources, so editing or adding a migration builds
 * a new one on the next call; copying it takes a fraction of a second, so every test file can have its own database.
 * The migrations run in a child process rather than being imported here because the migrations project's own tests
 * use this helper, and importing the migrations would make the two projects depend on each other.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

/** The server tests create their databases on, as a role allowed to create databases. */
export const DEFAULT_TEST_DATABASE_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database created for one test file. */
export interface TestDatabase {
  /** The postgres:// URL to give the code under test as DATABASE_URL. */
  url: string;
  name: string;
  /** Drops the database, closing whatever connections are still open to it. */
  drop(): Promise<void>;
}

/** Postgres truncates identifiers longer than this, so longer names would silently collide. */
const MAX_IDENTIFIER_LENGTH = 63;

/** Random bytes in a database name, so concurrent runs of the same test never pick the same name. */
const NAME_RANDOM_BYTES = 4;

/** Hex digits of the migration-source hash kept in the template name. */
const TEMPLATE_HASH_LENGTH = 12;

/** Prefix of the migrated template databases; stale ones are dropped when a new one is built. */
const TEMPLATE_PREFIX = 'berth_test_template_';

/**
 * Advisory lock serialising template builds and copies across test processes: the bytes of "btpl"
 * (0x62 0x74 0x70 0x6c) read as one integer.
 */
const TEMPLATE_LOCK_KEY = 0x6274706c;

/** The repository root, four levels above libs/server/testing/src. */
const REPOSITORY_ROOT = resolve(__dirname, '../../../..');

/** Migration sources: `<unix-ms>-<Name>.ts` and the index.ts that lists them. */
const MIGRATION_SOURCE = /^(\d+-\w+|index)\.ts$/;

const run = promisify(execFile);

/** The admin URL from BERTH_TEST_DATABASE_ADMIN_URL, or the local default. */
function adminUrl(): string {
  return process.env['BERTH_TEST_DATABASE_ADMIN_URL'] || DEFAULT_TEST_DATABASE_ADMIN_URL;
}

/** The URL of database `name` on the admin URL's server, as the same role. */
function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Opens a connection to the admin database, runs `work` and closes it. */
async function withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Drops a database even while connections are open to it (WITH FORCE terminates them; Postgres 13 or later). */
async function dropDatabase(admin: Client, name: string): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** Hashes the migration sources, so a template is rebuilt exactly when a migration changes or is added. */
async function migrationsHash(): Promise<string> {
  const directory = join(REPOSITORY_ROOT, 'migrations');
  const files = (await readdir(directory)).filter((file) => MIGRATION_SOURCE.test(file)).sort();
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(await readFile(join(directory, file)));
  return hash.digest('hex').slice(0, TEMPLATE_HASH_LENGTH);
}

/** Builds the template `name` by running the migration CLI against a fresh database, then freezes it as a template. */
async function buildTemplate(admin: Client, name: string): Promise<void> {
  const building = `${name}_building`;
  await dropDatabase(admin, building);
  await admin.query(`CREATE DATABASE "${building}"`);
  try {
    await run(process.execPath, ['--import', 'tsx', 'migrations/cli.ts', 'run'], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl(building) },
    });
  } catch (err) {
    await dropDatabase(admin, building);
    const output = err as { stdout?: string; stderr?: string };
    throw new Error(`migrating the test template failed: ${output.stderr || output.stdout || String(err)}`);
  }
  await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
  await admin.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);

  const stale = await admin.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND datname <> $2',
    [TEMPLATE_PREFIX, name],
  );
  for (const { datname } of stale.rows) {
    await admin.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`);
    await dropDatabase(admin, datname);
  }
}

/** Creates `name` as a copy of the migrated template, building the template first when the migrations changed. */
async function createMigratedDatabase(admin: Client, name: string): Promise<void> {
  const template = `${TEMPLATE_PREFIX}${await migrationsHash()}`;
  await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
  try {
    const existing = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (existing.rowCount === 0) await buildTemplate(admin, template);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
  }
}

/**
 * Creates a uniquely named database `berth_<prefix>_<time>_<random>` on the test server (empty, or fully migrated
 * with `migrate: true`) and returns its URL and a drop function for afterAll.
 */
export async function createTestDatabase(prefix: string, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const base = prefix.startsWith('berth_') ? prefix : `berth_${prefix}`;
  const name = `${base}_${Date.now().toString(36)}_${randomBytes(NAME_RANDOM_BYTES).toString('hex')}`;
  if (!/^[a-z][a-z0-9_]*$/.test(name) || name.length > MAX_IDENTIFIER_LENGTH) {
    throw new Error(`test database prefix must be lower-case letters, digits and _, and short: got "${prefix}"`);
  }
  await withAdmin(async (admin) => {
    if (opts.migrate) await createMigratedDatabase(admin, name);
    else await admin.query(`CREATE DATABASE "${name}"`);
  });
  return { url: databaseUrl(name), name, drop: () => withAdmin((admin) => dropDatabase(admin, name)) };
}
