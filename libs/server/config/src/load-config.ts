import { z } from 'zod';

/** Exit status for a configuration error, from sysexits.h (EX_CONFIG). */
export const EXIT_CONFIG = 78;

/** Thrown by parseConfig when the environment does not satisfy a schema; the message is one line. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`invalid configuration: ${issues.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Describes each zod issue as "<VARIABLE> <what is wrong>". */
function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    if (issue.code === z.ZodIssueCode.invalid_type && issue.received === 'undefined') {
      return `${variable} is required but not set`;
    }
    return `${variable} ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
  });
}

/** Parses an environment against a schema, throwing a ConfigError that names every bad variable. */
export function parseConfig<S extends z.ZodTypeAny>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  // Empty strings count as unset, so `FOO=` in an env file falls back to the default instead of failing oddly.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) throw new ConfigError(describeIssues(result.error));
  return result.data;
}

/** Parses the process environment or stops the process with one line on stderr and exit status 78. */
export function loadConfig<S extends z.ZodTypeAny>(
  app: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.output<S> {
  try {
    return parseConfig(schema, env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`berth-${app}: ${err.message}\n`);
    process.exit(EXIT_CONFIG);
  }
}

const SECRET_KEY = /PASSWORD|SECRET|TOKEN|PRIVATE|ACCESS_KEY|SECRET_KEY/i;

/** Returns a copy of a config object safe to log: secret-looking keys masked, passwords in URLs removed. */
export function redactConfig<T extends Record<string, unknown>>(config: T): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => {
      if (SECRET_KEY.test(key)) return [key, value === undefined ? undefined : '***'];
      if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(value)) {
        return [key, value.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@')];
      }
      return [key, value];
    }),
  );
}
