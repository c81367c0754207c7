import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { databaseEnv, loadConfig } from '@berth/config';
import { withMigrationDataSource } from './data-source';
import {
  checkSchemaDrift,
  generateMigration,
  listMigrations,
  NoSchemaChangesError,
  revertLastMigration,
  runPendingMigrations,
} from './migrator';

/** Exit status for a schema drift or a failed command. */
const EXIT_FAILURE = 1;

/** Exit status for a command line that does not parse, as for the shell's builtins. */
const EXIT_USAGE = 2;

const USAGE = `usage: cli <command>
  run              apply every pending migration (safe to start from several processes at once)
  revert           revert the most recent migration
  show             list migrations, applied [x] or pending [ ]
  generate <Name>  write migrations/<unix-ms>-<Name>.ts from the entity/schema difference (source tree only)
  check            fail when the entities and the migrations describe different schemas`;

/** Prints one line to stdout. */
function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Runs one command and returns the process exit status. */
async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || (command === 'generate' ? args.length !== 1 : args.length !== 0)) {
    process.stderr.write(`${USAGE}\n`);
    return EXIT_USAGE;
  }
  const { DATABASE_URL: url } = loadConfig('migrate', databaseEnv);

  switch (command) {
    case 'run':
      return withMigrationDataSource(url, async (dataSource) => {
        const applied = await runPendingMigrations(dataSource);
        for (const name of applied) say(`applied ${name}`);
        if (applied.length === 0) say('no pending migrations');
        return 0;
      });
    case 'revert':
      return withMigrationDataSource(url, async (dataSource) => {
        const reverted = await revertLastMigration(dataSource);
        say(reverted ? `reverted ${reverted}` : 'no applied migration to revert');
        return 0;
      });
    case 'show':
      return withMigrationDataSource(url, async (dataSource) => {
        const migrations = await listMigrations(dataSource);
        for (const { name, applied } of migrations) say(`[${applied ? 'x' : ' '}] ${name}`);
        const pending = migrations.filter((migration) => !migration.applied).length;
        say(`${migrations.length - pending} applied, ${pending} pending`);
        return 0;
      });
    case 'generate': {
      // Generating only makes sense in the source tree, next to index.ts; a built copy would be overwritten.
      if (!existsSync(join(__dirname, 'index.ts'))) {
        process.stderr.write(
          'berth-migrate: generate runs from the source tree: npx tsx migrations/cli.ts generate <Name>\n',
        );
        return EXIT_USAGE;
      }
      try {
        const generated = await generateMigration(url, args[0]!, { directory: __dirname });
        say(
          `wrote ${generated.file} (${generated.statements} statements) and added ${generated.className} to index.ts`,
        );
        return 0;
      } catch (err) {
        if (!(err instanceof NoSchemaChangesError)) throw err;
        say(err.message);
        return EXIT_FAILURE;
      }
    }
    case 'check': {
      const drift = await checkSchemaDrift(url);
      if (drift.length === 0) {
        say('schema in sync');
        return 0;
      }
      say('schema drift: the migrations do not build the schema the entities describe; missing statements:');
      for (const statement of drift) say(`  ${statement};`);
      say('write a migration for it: npx tsx migrations/cli.ts generate <PascalCaseVerbNoun>');
      return EXIT_FAILURE;
    }
    default:
      process.stderr.write(`berth-migrate: unknown command "${command}"\n${USAGE}\n`);
      return EXIT_USAGE;
  }
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (err: unknown) => {
    process.stderr.write(`berth-migrate: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT_FAILURE;
  },
);
