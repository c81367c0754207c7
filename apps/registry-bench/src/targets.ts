/*
 * The two registries the benchmark compares, each started as a child process on loopback with fresh storage:
 * Berth's registry (built by the workspace's build script, its own database, filesystem or S3 driver) and CNCF
 * Distribution 2.8 from Debian's docker-registry package (filesystem storage, delete enabled).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { type SwiftService, createTestDatabase, freePort, startSwift } from '@berth/testing';

/** The workspace root. */
export const ROOT = resolve(__dirname, '../../..');
const REGISTRY_MAIN = join(ROOT, 'dist/apps/registry/apps/registry/src/main.js');
/** Debian's binary of CNCF Distribution 2.8. */
export const DISTRIBUTION_BINARY = '/usr/bin/docker-registry';
const READY_TIMEOUT_MS = 30_000;
const READY_POLL_MS = 100;
const STOP_TIMEOUT_MS = 15_000;
const LOG_TAIL_CHARS = 2_000;

/** A registry under test. */
export interface Target {
  label: string;
  /** http://127.0.0.1:<port> */
  base: string;
  stop(): Promise<void>;
}

async function waitReady(base: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${output().slice(-LOG_TAIL_CHARS)}`);
    const ok = await fetch(`${base}/v2/`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`not ready after ${READY_TIMEOUT_MS} ms: ${output().slice(-LOG_TAIL_CHARS)}`);
    await sleep(READY_POLL_MS);
  }
}

function spawnLogged(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-LOG_TAIL_CHARS * 4));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = once(child, 'close');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  return { child, output: () => output, stop };
}

/** Builds the registry with the workspace's build script. */
export async function buildRegistry(): Promise<void> {
  await promisify(execFile)('node', ['tools/build/swc-build.mjs', 'apps/registry'], { cwd: ROOT });
  if (!existsSync(REGISTRY_MAIN)) throw new Error(`the build did not produce ${REGISTRY_MAIN}`);
}

/** How to start Berth's registry. */
export interface BerthOptions {
  driver: 'filesystem' | 's3';
  logLevel: string;
  /** A directory to write a V8 CPU profile of the registry process into (node --cpu-prof). */
  cpuProfileDir?: string;
}

/** Starts Berth's registry on a free loopback port with a fresh database and data dir (and Swift for `s3`). */
export async function startBerth(options: BerthOptions): Promise<Target> {
  const db = await createTestDatabase('registry_bench', { migrate: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'berth-bench-'));
  let swift: SwiftService | undefined;
  const storage: Record<string, string> = {};
  if (options.driver === 's3') {
    swift = await startSwift();
    Object.assign(storage, {
      BERTH_STORAGE_DRIVER: 's3',
      BERTH_S3_ENDPOINT: swift.endpoint,
      BERTH_S3_ACCESS_KEY: swift.accessKey,
      BERTH_S3_SECRET_KEY: swift.secretKey,
      BERTH_S3_REGION: swift.region,
      BERTH_S3_BUCKET: 'berth-bench',
    });
  }
  const port = await freePort();
  const nodeArgs = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const proc = spawnLogged('node', [...nodeArgs, REGISTRY_MAIN], {
    PATH: process.env['PATH'] ?? '',
    DATABASE_URL: db.url,
    BERTH_DATA_DIR: dataDir,
    BERTH_LISTEN_HOST: '127.0.0.1',
    BERTH_REGISTRY_PORT: String(port),
    BERTH_REGISTRY_SHUTDOWN_GRACE_MS: '2000',
    // Compared with distribution running without auth.
    BERTH_REGISTRY_AUTH: 'none',
    LOG_LEVEL: options.logLevel,
    ...storage,
  });
  const base = `http://127.0.0.1:${port}`;
  const cleanup = async () => {
    await proc.stop();
    await swift?.stop();
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitReady(base, proc.child, proc.output);
  } catch (err) {
    await cleanup();
    throw err;
  }
  return { label: `Berth (${options.driver})`, base, stop: cleanup };
}

/** Starts CNCF Distribution with filesystem storage in a temp dir, delete enabled, on a free loopback port. */
export async function startDistribution(): Promise<Target> {
  if (!existsSync(DISTRIBUTION_BINARY)) {
    throw new Error(`${DISTRIBUTION_BINARY} is missing: apt-get install -y --no-install-recommends docker-registry`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'berth-bench-distribution-'));
  const port = await freePort();
  const config = join(dir, 'config.yml');
  await writeFile(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: error',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'data')}`,
      '  delete:',
      '    enabled: true',
      '  maintenance:',
      '    uploadpurging:',
      '      enabled: false',
      'http:',
      `  addr: 127.0.0.1:${port}`,
      '',
    ].join('\n'),
  );
  const proc = spawnLogged(DISTRIBUTION_BINARY, ['serve', config], { PATH: process.env['PATH'] ?? '' });
  const base = `http://127.0.0.1:${port}`;
  const cleanup = async () => {
    await proc.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(base, proc.child, proc.output);
  } catch (err) {
    await cleanup();
    throw err;
  }
  return { label: 'Distribution 2.8', base, stop: cleanup };
}

/** Lists the CPU profiles written into a directory. */
export async function cpuProfiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
}
