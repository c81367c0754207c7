/*
 * Writes or checks the committed OpenAPI document and the console's typed client schema, from the workspace root:
 *
 *   node dist/apps/core-api/apps/core-api/src/openapi/generate.js write   (nx run api-client:generate, npm run openapi)
 *   node dist/apps/core-api/apps/core-api/src/openapi/generate.js check   (nx run api-client:check, in npm test)
 *
 * It runs from the SWC build, not tsx: esbuild emits no decorator metadata, and without it the document would lose
 * every type inferred from a DTO property.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  API_CLIENT_SOURCE_DIR,
  buildOpenApiDocument,
  checkApiClientFiles,
  renderApiClientFiles,
  writeApiClientFiles,
} from './api-client-files';

/** Runs `write` or `check` from the workspace root. */
async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== 'write' && mode !== 'check') {
    process.stderr.write('usage: generate.js write|check (from the workspace root)\n');
    process.exit(2);
  }
  const root = resolve(process.cwd());
  if (!existsSync(join(root, API_CLIENT_SOURCE_DIR))) {
    throw new Error(`${API_CLIENT_SOURCE_DIR} not found under ${root}: run from the workspace root`);
  }
  const files = await renderApiClientFiles(await buildOpenApiDocument(), root);
  if (mode === 'write') {
    await writeApiClientFiles(join(root, API_CLIENT_SOURCE_DIR), files);
    process.stdout.write(`api-client: wrote ${files.map((f) => f.name).join(', ')} in ${API_CLIENT_SOURCE_DIR}\n`);
  } else if (await checkApiClientFiles(root, files)) {
    process.stdout.write(`api-client:check: ${API_CLIENT_SOURCE_DIR} is up to date\n`);
  } else {
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`api-client: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
