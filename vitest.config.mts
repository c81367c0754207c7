import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// One alias per tsconfig path, so tests resolve `@berth/*` exactly as the build does.
const { paths } = JSON.parse(readFileSync(new URL('./tsconfig.base.json', import.meta.url), 'utf8'))
  .compilerOptions as {
  paths: Record<string, string[]>;
};
const alias = Object.entries(paths)
  .sort(([a], [b]) => b.length - a.length)
  .map(([find, [target]]) => ({ find: new RegExp(`^${find.replace(/[/]/g, '\\/')}$`), replacement: resolve(target) }));

// SWC instead of esbuild: NestJS dependency injection needs decorator metadata, which esbuild does not emit.
const plugins = [
  swc.vite({
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  }),
];

const server = (name: string, include: string[], extra: Record<string, unknown> = {}) => ({
  plugins,
  resolve: { alias },
  test: { name, include, globals: true, environment: 'node', ...extra },
});

export default defineConfig({
  test: {
    projects: [
      server('unit', [
        'apps/{core-api,registry,worker}/src/**/*.spec.ts',
        'libs/**/*.spec.ts',
        'migrations/**/*.spec.ts',
        'tools/**/*.spec.ts',
        'deploy/**/*.spec.ts',
      ]),
      server('int', ['apps/**/src/**/*.int-spec.ts', 'libs/**/*.int-spec.ts', 'migrations/**/*.int-spec.ts'], {
        globalSetup: ['tools/test/int-global-setup.ts'],
        testTimeout: 120_000,
        hookTimeout: 180_000,
        fileParallelism: false,
      }),
      server('e2e', ['apps/*-e2e/**/*.e2e-spec.ts'], {
        globalSetup: ['tools/test/int-global-setup.ts'],
        testTimeout: 300_000,
        hookTimeout: 600_000,
        fileParallelism: false,
      }),
    ],
  },
});
