import { freePort } from '@berth/testing';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

/** The workspace root. */
export const ROOT = resolve(__dirname, '../../..');

/** The built registry entry point, as `node tools/build/swc-build.mjs apps/registry` writes it. */
export const REGISTRY_MAIN = join(ROOT, 'dist/apps/registry/apps/registry/src/main.js');

const READY_TIMEOUT_MS = 30_000;
const READY_POLL_MS = 100;
const STOP_TIMEOUT_MS = 15_000;
const LOG_TAIL_CHARS = 4_000;

/** Builds the registry with the workspace's build script (a few seconds, so always, to never test a stale build). */
export async function buildRegistry(): Promise<void> {
  await promisify(execFile)('node', ['tools/build/swc-build.mjs', 'apps/registry'], { cwd: ROOT });
  if (!existsSync(REGISTRY_MAIN)) throw new Error(`the build did not produce ${REGISTRY_MAIN}`);
}

/** A registry running as a child process. */
export interface RegistryProcess {
  /** host:port, as image references use it. */
  host: string;
  child: ChildProcess;
  /** Everything the process wrote so far (its JSON logs). */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code and signal once the process ended. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the built registry with `env` on a free port and waits until `GET /v2/` answers. */
export async function startRegistryProcess(env: Record<string, string>): Promise<RegistryProcess> {
  const port = await freePort();
  const child = spawn('node', [REGISTRY_MAIN], {
    cwd: ROOT,
    // The client suites test the distribution API with each client, without tokens (core-api is not running).
    env: {
      PATH: process.env['PATH'] ?? '',
      BERTH_LISTEN_HOST: '127.0.0.1',
      BERTH_REGISTRY_PORT: String(port),
      BERTH_REGISTRY_AUTH: 'none',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  const host = `127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`registry exited with ${child.exitCode}:\n${output.slice(-LOG_TAIL_CHARS)}`);
    const ok = await fetch(`http://${host}/v2/`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`registry not ready after ${READY_TIMEOUT_MS} ms:\n${output.slice(-LOG_TAIL_CHARS)}`);
    }
    await sleep(READY_POLL_MS);
  }
  return {
    host,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const [code, signal] = await exited;
      clearTimeout(timer);
      return { code, signal };
    },
  };
}
