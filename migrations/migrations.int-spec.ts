import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTITIES } from '@berth/db';
import { createTestDatabase, DEFAULT_TEST_DATABASE_ADMIN_URL, type TestDatabase } from '@berth/testing';
import { Client } from 'pg';
import * as prettier from 'prettier';
import { Entity, PrimaryColumn } from 'typeorm';
import { withMigrationDataSource } from './data-source';
import { MIGRATIONS } from './index';
import {
  checkSchemaDrift,
  generateMigration,
  listMigrations,
  NoSchemaChangesError,
  revertLastMigration,
  runPendingMigrations,
} from './migrator';

/** A table no migration creates: stands for an entity someone added without writing its migration. */
@Entity({ name: 'drift_probe' })
class DriftProbeEntity {
  @PrimaryColumn({ name: 'id', type: 'integer' })
  id!: number;
}

const ENTITIES_WITH_DRIFT = [...ENTITIES, DriftProbeEntity];
const MIGRATION_NAMES = MIGRATIONS.map((migration) => migration.name);

/** The server createTestDatabase creates databases on. */
const ADMIN_URL = process.env['BERTH_TEST_DATABASE_ADMIN_URL'] || DEFAULT_TEST_DATABASE_ADMIN_URL;

/** Runs one query on a fresh connection to `url`. */
async function query<R extends Record<string, unknown>>(url: string, sql: string, params: unknown[] = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The tables of the public schema, sorted. */
async function tables(url: string): Promise<string[]> {
  const rows = await query<{ table_name: string }>(
    url,
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return rows.map((row) => row.table_name);
}

describe('migrations', () => {
  describe('on an empty database', () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createTestDatabase('berth_migrations');
    });

    afterAll(async () => {
      await db?.drop();
    });

    it('applies every migration in order and records it', async () => {
      const applied = await withMigrationDataSource(db.url, runPendingMigrations);

      expect(applied).toEqual(MIGRATION_NAMES);
      expect(await tables(db.url)).toEqual([
        'audit_log',
        'blob',
        'configuration',
        'execution',
        'manifest',
        'manifest_blob',
        'manifest_reference',
        'personal_access_token',
        'project',
        'project_member',
        'repository',
        'repository_blob',
        'robot',
        'schema_migration',
        'tag',
        'task',
        'upload',
        'user',
        'user_group',
      ]);
      const states = await withMigrationDataSource(db.url, listMigrations);
      expect(states.every((state) => state.applied)).toBe(true);
    });

    it('creates the unique indexes the registry relies on', async () => {
      const rows = await query<{ indexname: string; indexdef: string }>(
        db.url,
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE%'",
      );
      const definitions = rows.map((row) => row.indexdef);

      expect(definitions).toEqual(
        expect.arrayContaining([
          'CREATE UNIQUE INDEX uq_repository_name ON public.repository USING btree (name)',
          'CREATE UNIQUE INDEX uq_tag_repository_name ON public.tag USING btree (repository_id, name)',
          'CREATE UNIQUE INDEX uq_manifest_repository_digest ON public.manifest USING btree (repository_id, digest)',
          'CREATE UNIQUE INDEX uq_blob_digest ON public.blob USING btree (digest)',
          'CREATE UNIQUE INDEX uq_user_username ON public."user" USING btree (username)',
          'CREATE UNIQUE INDEX uq_project_name ON public.project USING btree (name)',
        ]),
      );
    });

    it('seeds the public library project and database authentication', async () => {
      expect(await query(db.url, 'SELECT name, public, owner_id FROM project')).toEqual([
        { name: 'library', public: true, owner_id: null },
      ]);
      expect(await query(db.url, 'SELECT key, value FROM configuration')).toEqual([
        { key: 'auth_mode', value: 'db_auth' },
      ]);
      expect(await query(db.url, 'SELECT count(*)::int AS users FROM "user"')).toEqual([{ users: 0 }]);
    });

    it('has nothing left to apply on a second run', async () => {
      expect(await withMigrationDataSource(db.url, runPendingMigrations)).toEqual([]);
    });

    it('reverts every migration, newest first, back to an empty schema', async () => {
      const reverted: string[] = [];
      for (;;) {
        const name = await withMigrationDataSource(db.url, revertLastMigration);
        if (!name) break;
        reverted.push(name);
      }

      expect(reverted).toEqual([...MIGRATION_NAMES].reverse());
      expect(await tables(db.url)).toEqual(['schema_migration']);
      expect(await query(db.url, 'SELECT name FROM schema_migration')).toEqual([]);
    });
  });

  it('applies each migration once when several processes start at the same time', async () => {
    const db = await createTestDatabase('berth_migrations_race');
    try {
      const results = await Promise.all([1, 2, 3].map(() => withMigrationDataSource(db.url, runPendingMigrations)));

      expect(results.flat().sort()).toEqual([...MIGRATION_NAMES].sort());
      expect(await query(db.url, 'SELECT name FROM schema_migration ORDER BY id')).toEqual(
        MIGRATION_NAMES.map((name) => ({ name })),
      );
    } finally {
      await db.drop();
    }
  });

  it('gives tests a fully migrated database through createTestDatabase({ migrate: true })', async () => {
    const db = await createTestDatabase('berth_migrations_helper', { migrate: true });
    try {
      expect(await query(db.url, 'SELECT name FROM schema_migration ORDER BY id')).toEqual(
        MIGRATION_NAMES.map((name) => ({ name })),
      );
      expect(await query(db.url, 'SELECT name FROM project')).toEqual([{ name: 'library' }]);
    } finally {
      await db.drop();
    }
    expect(await query(ADMIN_URL, 'SELECT datname FROM pg_database WHERE datname = $1', [db.name])).toEqual([]);
  });

  describe('drift check', () => {
    let server: TestDatabase;

    beforeAll(async () => {
      server = await createTestDatabase('berth_migrations_drift');
    });

    afterAll(async () => {
      await server?.drop();
    });

    it('finds the current migrations and entities in sync', async () => {
      expect(await checkSchemaDrift(server.url)).toEqual([]);
    });

    it('reports the SQL a missing migration would need when an entity differs', async () => {
      const drift = await checkSchemaDrift(server.url, ENTITIES_WITH_DRIFT);

      expect(drift).toEqual([expect.stringMatching(/^CREATE TABLE "drift_probe" \("id" integer NOT NULL, /)]);
    });

    it('leaves no scratch database behind', async () => {
      const rows = await query(
        server.url,
        "SELECT datname FROM pg_database WHERE datname LIKE 'berth_migrate_scratch%'",
      );
      expect(rows).toEqual([]);
    });
  });

  describe('generate', () => {
    let server: TestDatabase;
    let directory: string;

    beforeAll(async () => {
      server = await createTestDatabase('berth_migrations_generate');
      directory = await mkdtemp(join(tmpdir(), 'berth-migrations-'));
      await copyFile(join(__dirname, 'index.ts'), join(directory, 'index.ts'));
    });

    afterAll(async () => {
      await server?.drop();
      await rm(directory, { recursive: true, force: true });
    });

    it('refuses to write a migration when the entities match the migrations', async () => {
      await expect(generateMigration(server.url, 'AddNothing', { directory })).rejects.toThrow(NoSchemaChangesError);
    });

    it('refuses a name that is not a PascalCase verb and noun', async () => {
      await expect(generateMigration(server.url, 'probe', { directory })).rejects.toThrow(/PascalCase/);
    });

    it('writes the difference as a formatted migration and lists it in index.ts', async () => {
      const now = 1_900_000_000_000;
      const generated = await generateMigration(server.url, 'AddDriftProbe', {
        directory,
        entities: ENTITIES_WITH_DRIFT,
        now,
      });

      expect(generated).toEqual({
        className: `AddDriftProbe${now}`,
        file: join(directory, `${now}-AddDriftProbe.ts`),
        statements: 1,
      });
      const source = await readFile(generated.file, 'utf8');
      expect(source).toContain(`export class AddDriftProbe${now} implements MigrationInterface {`);
      expect(source).toMatch(/async up\(queryRunner: QueryRunner\)[^}]*CREATE TABLE "drift_probe"/);
      expect(source).toMatch(/async down\(queryRunner: QueryRunner\)[^}]*DROP TABLE "drift_probe"/);

      const index = await readFile(join(directory, 'index.ts'), 'utf8');
      expect(index).toContain(`import { AddDriftProbe${now} } from './${now}-AddDriftProbe';`);
      expect(index).toMatch(
        new RegExp(`MIGRATIONS: MigrationClass\\[\\] = \\[[^\\]]*,\\s*AddDriftProbe${now},?\\s*\\]`),
      );

      const options = { ...(await prettier.resolveConfig(join(__dirname, 'index.ts'))), parser: 'typescript' };
      expect(await prettier.check(source, options)).toBe(true);
      expect(await prettier.check(index, options)).toBe(true);
    });
  });
});
