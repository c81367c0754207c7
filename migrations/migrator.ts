import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ENTITIES } from '@berth/db';
import { type DataSource, MigrationExecutor } from 'typeorm';
import { type Query } from 'typeorm/driver/Query';
import { createMigrationDataSource, type EntityList } from './data-source';
import { withTemporaryDatabase } from './temporary-database';

/**
 * Session advisory lock held while migrations run or revert, so that several processes starting at once apply each
 * migration exactly once: the bytes of "berth" (0x62 0x65 0x72 0x74 0x68) read as one integer.
 */
export const MIGRATION_LOCK_KEY = 0x6265727468;

/** Prefix of the throwaway databases `check` and `generate` migrate from scratch. */
export const SCRATCH_DATABASE_PREFIX = 'berth_migrate_scratch';

/** Migration names are `<Verb><Noun…>` in PascalCase, e.g. AddTagImmutability. */
const MIGRATION_NAME = /^[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+$/;

/** Prettier's print width in this repository; generated files are laid out to match it. */
const PRINT_WIDTH = 120;

/** One migration and whether the database has applied it. */
export interface MigrationState {
  name: string;
  applied: boolean;
}

/** Raised by generateMigration when the migrated schema already matches the entities. */
export class NoSchemaChangesError extends Error {
  constructor() {
    super('no schema changes: the entities match the schema the migrations build');
    this.name = 'NoSchemaChangesError';
  }
}

/** Runs `work` while holding the migration advisory lock on a connection of its own. */
async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}

/** Applies every pending migration in one transaction under the migration lock and returns their names in order. */
export async function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await withMigrationLock(dataSource, () => dataSource.runMigrations({ transaction: 'all' }));
  return applied.map((migration) => migration.name);
}

/** Reverts the most recent migration under the migration lock; returns its name, or null when none was applied. */
export async function revertLastMigration(dataSource: DataSource): Promise<string | null> {
  return withMigrationLock(dataSource, async () => {
    const executor = new MigrationExecutor(dataSource);
    const before = await executor.getExecutedMigrations();
    if (before.length === 0) return null;
    await dataSource.undoLastMigration({ transaction: 'all' });
    const remaining = new Set((await executor.getExecutedMigrations()).map((migration) => migration.name));
    return before.find((migration) => !remaining.has(migration.name))?.name ?? null;
  });
}

/** Lists every known migration, oldest first, with whether the database has applied it. */
export async function listMigrations(dataSource: DataSource): Promise<MigrationState[]> {
  const executor = new MigrationExecutor(dataSource);
  const applied = new Set((await executor.getExecutedMigrations()).map((migration) => migration.name));
  return (await executor.getAllMigrations()).map(({ name }) => ({ name, applied: applied.has(name) }));
}

/** The SQL that would bring a fresh, fully migrated database in line with the entities (up and down). */
interface SchemaDiff {
  up: Query[];
  down: Query[];
}

/** Migrates a throwaway database on the server of `serverUrl` from scratch and diffs it against the entities. */
async function diffMigratedSchema(serverUrl: string, entities: EntityList): Promise<SchemaDiff> {
  return withTemporaryDatabase(serverUrl, SCRATCH_DATABASE_PREFIX, async (url) => {
    const dataSource = createMigrationDataSource({ DATABASE_URL: url }, entities);
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'all' });
      const sql = await dataSource.driver.createSchemaBuilder().log();
      return { up: sql.upQueries, down: sql.downQueries };
    } finally {
      await dataSource.destroy();
    }
  });
}

/**
 * Checks that the migrations build exactly the schema the entities describe; returns the statements that would still
 * be needed, so an empty list means the two are in sync.
 */
export async function checkSchemaDrift(serverUrl: string, entities: EntityList = ENTITIES): Promise<string[]> {
  const diff = await diffMigratedSchema(serverUrl, entities);
  return diff.up.map((query) => query.query);
}

/** Where `generate` writes: the migrations source folder, holding index.ts with the MIGRATIONS list. */
export interface GenerateOptions {
  directory: string;
  entities?: EntityList;
  now?: number;
}

/** What `generate` wrote. */
export interface GeneratedMigration {
  className: string;
  file: string;
  statements: number;
}

/**
 * Writes `<unix-ms>-<Name>.ts` with the SQL that turns the migrated schema into the entities' schema (and back) and
 * appends the class to MIGRATIONS in index.ts; throws NoSchemaChangesError when there is nothing to migrate.
 */
export async function generateMigration(
  serverUrl: string,
  name: string,
  { directory, entities = ENTITIES, now = Date.now() }: GenerateOptions,
): Promise<GeneratedMigration> {
  if (!MIGRATION_NAME.test(name)) {
    throw new Error(`migration name must be a PascalCase verb and noun such as AddTagImmutability, got "${name}"`);
  }
  const indexFile = join(directory, 'index.ts');
  const index = await readFile(indexFile, 'utf8');
  const diff = await diffMigratedSchema(serverUrl, entities);
  if (diff.up.length === 0) throw new NoSchemaChangesError();

  const className = `${name}${now}`;
  const fileBase = `${now}-${name}`;
  const file = join(directory, `${fileBase}.ts`);
  await writeFile(file, renderMigration(name, className, diff));
  await writeFile(indexFile, addToMigrationIndex(index, className, fileBase));
  return { className, file, statements: diff.up.length };
}

/** Quotes SQL as a template literal. */
function templateLiteral(sql: string): string {
  return `\`${sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

/** One `await queryRunner.query(…)` statement, wrapped the way Prettier wraps it when it is too long. */
function renderQuery({ query, parameters }: Query): string {
  const args = [templateLiteral(query), ...(parameters?.length ? [JSON.stringify(parameters)] : [])];
  const oneLine = `    await queryRunner.query(${args.join(', ')});`;
  if (oneLine.length <= PRINT_WIDTH) return oneLine;
  return ['    await queryRunner.query(', ...args.map((arg) => `      ${arg},`), '    );'].join('\n');
}

/** The source of a generated migration class. */
function renderMigration(name: string, className: string, diff: SchemaDiff): string {
  return [
    "import { type MigrationInterface, type QueryRunner } from 'typeorm';",
    '',
    `/** ${name}: generated by \`migrations/cli.ts generate\` from the difference between the entities and the schema. */`,
    `export class ${className} implements MigrationInterface {`,
    `  name = '${className}';`,
    '',
    '  async up(queryRunner: QueryRunner): Promise<void> {',
    ...diff.up.map(renderQuery),
    '  }',
    '',
    '  async down(queryRunner: QueryRunner): Promise<void> {',
    ...[...diff.down].reverse().map(renderQuery),
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Adds a migration's import and its class at the end of the MIGRATIONS list of index.ts. */
export function addToMigrationIndex(index: string, className: string, fileBase: string): string {
  const list = /^export const MIGRATIONS: MigrationClass\[\] = \[([^\]]*)\];$/m;
  const match = list.exec(index);
  if (!match) throw new Error('index.ts has no `export const MIGRATIONS: MigrationClass[] = [...];` list');
  const names = [
    ...match[1]
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    className,
  ];
  const oneLine = `export const MIGRATIONS: MigrationClass[] = [${names.join(', ')}];`;
  const declaration =
    oneLine.length <= PRINT_WIDTH
      ? oneLine
      : ['export const MIGRATIONS: MigrationClass[] = [', ...names.map((n) => `  ${n},`), '];'].join('\n');

  const importLine = `import { ${className} } from './${fileBase}';`;
  const imports = [...index.matchAll(/^import \{ \w+ \} from '\.\/\d+-\w+';$/gm)];
  const last = imports.at(-1);
  if (!last) throw new Error('index.ts imports no migration to add the new one after');
  const afterImports = last.index + last[0].length;
  const withImport = `${index.slice(0, afterImports)}\n${importLine}${index.slice(afterImports)}`;
  return withImport.replace(list, declaration);
}
