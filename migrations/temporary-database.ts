import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Postgres truncates identifiers longer than this, so longer database names would silently collide. */
const MAX_IDENTIFIER_LENGTH = 63;

/** Random bytes in a temporary database name: enough that concurrent checks never pick the same one. */
const NAME_RANDOM_BYTES = 4;

/**
 * Creates an empty database next to the one `serverUrl` points at, passes its URL to `work` and drops it afterwards,
 * even when `work` fails. The role in `serverUrl` needs the CREATEDB privilege.
 */
export async function withTemporaryDatabase<T>(
  serverUrl: string,
  prefix: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const name = `${prefix}_${Date.now()}_${randomBytes(NAME_RANDOM_BYTES).toString('hex')}`;
  if (!/^[a-z][a-z0-9_]*$/.test(name) || name.length > MAX_IDENTIFIER_LENGTH) {
    throw new Error(`invalid temporary database name ${name}`);
  }
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return await work(url.toString());
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}
