#!/usr/bin/env node
// Compiles a server app and every lib it can import into CommonJS under dist/<app>, keeping the source tree's shape
// so that the `@berth/*` path aliases of tsconfig.base.json resolve to relative requires at build time.
// Type checking is the `typecheck` target's job (tsc --noEmit); this step only transpiles, which keeps builds fast.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const [appRoot, outDirArg] = process.argv.slice(2);
if (!appRoot) {
  console.error('usage: swc-build.mjs <project-root> [out-dir]');
  process.exit(2);
}
const outDir = resolve(root, outDirArg ?? join('dist', appRoot));
const sourceRoots = [join(appRoot, 'src'), 'libs/shared', 'libs/server', 'migrations'];
const SKIP = /(\.spec|\.int-spec|\.e2e-spec|\.test)\.tsx?$|\.d\.ts$/;

const tsconfig = JSON.parse(await readFile(join(root, 'tsconfig.base.json'), 'utf8'));
const swcOptions = (filename) => ({
  filename,
  sourceMaps: true,
  module: { type: 'commonjs', strict: true },
  jsc: {
    target: 'es2022',
    baseUrl: root,
    paths: tsconfig.compilerOptions.paths,
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
});

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'testing') continue;
      yield* walk(full);
    } else if (entry.name.endsWith('.ts') && !SKIP.test(entry.name)) {
      yield full;
    }
  }
}

await rm(outDir, { recursive: true, force: true });
let count = 0;
for (const sourceRoot of sourceRoots) {
  for await (const file of walk(join(root, sourceRoot))) {
    const { code, map } = await transformFile(file, swcOptions(file));
    const target = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
    if (map) await writeFile(`${target}.map`, map);
    count++;
  }
}
console.log(`swc-build: ${count} files -> ${relative(root, outDir)}`);
