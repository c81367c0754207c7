/*
 * Builds the committed OpenAPI document and the typed client schema from core-api (see generate.ts for the CLI).
 * The application is created exactly as `main.ts` does, through `createCoreApi`, in Nest's preview mode: no provider
 * is instantiated, so nothing connects to Postgres, Redis or storage. The document comes from the same
 * `createOpenApiDocument` that serves `/api/v2.0/openapi.json`, and new modules are picked up with no change here.
 */
import { createLogger } from '@berth/common';
import { ConfigError, parseConfig } from '@berth/config';
import { type OpenAPIObject } from '@nestjs/swagger';
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';
import { createCoreApi, UNPREFIXED_PATHS } from '../bootstrap';
import { coreApiEnv } from '../config/core-api.config';
import { createOpenApiDocument } from './openapi-document';

/** The generated files' folder, relative to the workspace root. */
export const API_CLIENT_SOURCE_DIR = 'libs/shared/api-client/src';

/** Where `check` writes what it generated, so the diff can be read and applied by hand. */
const CHECK_OUTPUT_DIR = 'tmp/api-client-check';

/**
 * Settings the preview application is built with. Nothing connects to these addresses; they only have to satisfy
 * the configuration schema. A new required variable of core-api needs a placeholder here.
 */
const PLACEHOLDER_ENV: NodeJS.ProcessEnv = {
  DATABASE_URL: 'postgres://openapi@127.0.0.1:1/openapi',
  REDIS_URL: 'redis://127.0.0.1:1/0',
  LOG_LEVEL: 'silent',
};

/** Notice at the top of schema.ts. */
const SCHEMA_BANNER =
  '// Generated from openapi.json by apps/core-api/src/openapi/generate.ts (`npm run openapi`). Do not edit.\n\n';

/** One generated file: its name inside API_CLIENT_SOURCE_DIR and its exact content. */
export interface GeneratedFile {
  name: 'openapi.json' | 'schema.ts';
  text: string;
}

/** Builds core-api's OpenAPI document without opening any connection. */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  let config;
  try {
    config = parseConfig(coreApiEnv, PLACEHOLDER_ENV);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    throw new Error(`${err.message}: add a placeholder to PLACEHOLDER_ENV in apps/core-api/src/openapi/generate.ts`);
  }
  const app = await createCoreApi(config, createLogger('core-api-openapi', 'silent'), { preview: true });
  return createOpenApiDocument(app, UNPREFIXED_PATHS);
}

/** Renders openapi.json and schema.ts, formatted with the workspace's prettier settings. */
export async function renderApiClientFiles(document: OpenAPIObject, workspaceRoot: string): Promise<GeneratedFile[]> {
  const format = async (name: GeneratedFile['name'], text: string, parser: string): Promise<string> => {
    const filepath = join(workspaceRoot, API_CLIENT_SOURCE_DIR, name);
    const options = (await prettier.resolveConfig(filepath)) ?? {};
    return prettier.format(text, { ...options, filepath, parser });
  };
  const json = await format('openapi.json', JSON.stringify(document), 'json');
  // openapi-typescript reads the formatted JSON back, so schema.ts depends on nothing but the committed document.
  const ast = await openapiTS(JSON.parse(json) as Parameters<typeof openapiTS>[0]);
  const schema = await format('schema.ts', SCHEMA_BANNER + astToString(ast), 'typescript');
  return [
    { name: 'openapi.json', text: json },
    { name: 'schema.ts', text: schema },
  ];
}

/** Writes the generated files into `dir`. */
export async function writeApiClientFiles(dir: string, files: GeneratedFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const file of files) await writeFile(join(dir, file.name), file.text);
}

/** Compares the generated files with the committed ones; prints a diff and returns false when they differ. */
export async function checkApiClientFiles(root: string, files: GeneratedFile[]): Promise<boolean> {
  const committedDir = join(root, API_CLIENT_SOURCE_DIR);
  const stale: string[] = [];
  for (const file of files) {
    const committed = await readFile(join(committedDir, file.name), 'utf8').catch(() => undefined);
    if (committed !== file.text) stale.push(file.name);
  }
  if (stale.length === 0) return true;
  const outDir = join(root, CHECK_OUTPUT_DIR);
  await writeApiClientFiles(outDir, files);
  for (const name of stale) {
    spawnSync(
      'diff',
      [
        '-u',
        '--label',
        `committed/${name}`,
        '--label',
        `generated/${name}`,
        join(committedDir, name),
        join(outDir, name),
      ],
      {
        stdio: 'inherit',
      },
    );
  }
  process.stderr.write(
    `\napi-client:check: ${stale.join(' and ')} in ${API_CLIENT_SOURCE_DIR} ${stale.length > 1 ? 'differ' : 'differs'} from what core-api generates ` +
      `(see the diff above; generated copies in ${CHECK_OUTPUT_DIR}).\n` +
      'Run `npm run openapi` and commit the result.\n',
  );
  return false;
}
