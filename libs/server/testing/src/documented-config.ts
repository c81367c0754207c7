import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The workspace root, found from this file's place in libs/server/testing/src. */
const ROOT = join(__dirname, '../../../..');

/** Lists the variables of the README's configuration table and of .env.example, for drift tests. */
export function documentedVariables(): { readme: Set<string>; envExample: Set<string> } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('## Configuration')[1]?.split('\n## ')[0] ?? '';
  const fromReadme = [...section.matchAll(/^\| `([A-Z0-9_]+)` *\|/gm)].map((m) => m[1]!);
  const envExample = readFileSync(join(ROOT, '.env.example'), 'utf8');
  const fromEnv = [...envExample.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]!);
  return { readme: new Set(fromReadme), envExample: new Set(fromEnv) };
}

/** Returns the variable names an environment schema reads (through merges and refinements). */
export function schemaVariables(schema: z.ZodTypeAny): string[] {
  let inner: z.ZodTypeAny = schema;
  while (inner instanceof z.ZodEffects) inner = inner.innerType();
  if (!(inner instanceof z.ZodObject)) throw new Error('an environment schema must be a zod object');
  return Object.keys(inner.shape);
}

/** Declares a test that every variable a schema reads is in the README's configuration table and .env.example. */
export function describeDocumentedConfig(app: string, schema: z.ZodTypeAny): void {
  describe(`${app} configuration`, () => {
    it('documents every variable it reads in the README table and .env.example', () => {
      const { readme, envExample } = documentedVariables();
      for (const variable of schemaVariables(schema)) {
        expect(readme, variable).toContain(variable);
        expect(envExample, variable).toContain(variable);
      }
    });
  });
}
