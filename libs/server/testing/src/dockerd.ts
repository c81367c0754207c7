/*
 * A private Docker engine (Debian's docker.io `dockerd`, as root) started from a temp dir for end-to-end tests:
 *
 *   data/          --data-root (images, layers; dockerd bind-mounts it onto itself while it runs)
 *   exec/          --exec-root (the containerd dockerd starts for itself, its socket and pid file)
 *   docker.sock    -H unix://… ; DOCKER_HOST for the CLI
 *   docker.pid     --pidfile
 *   client/        DOCKER_CONFIG, so the CLI never reads or writes ~/.docker
 *   dockerd.log    the daemon's output
 *
 * No networking is set up (no bridge, no iptables rules, no userland proxy): the engine only pushes and pulls, and
 * loopback registries count as insecure by default, so plain HTTP to 127.0.0.1:<port> needs no configuration.
 * The default storage driver is vfs (plain directory copies): slower than overlay2 for big images, but it mounts
 * nothing, so a killed daemon cannot leave overlay mounts behind.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { killPidFile, removeDaemonDir, socketPath, startDaemon, waitForSocket } from './daemon';

/** How to start the private Docker engine. */
export interface DockerdOptions {
  /** Graph driver for --storage-driver. */
  storageDriver?: string;
  /** How long to wait for the API socket. */
  startTimeoutMs?: number;
}

/** A running private Docker engine and a docker CLI bound to it. */
export interface DockerEngine {
  /** The API address, `unix://<dir>/docker.sock`. */
  host: string;
  /** Environment for the docker CLI: DOCKER_HOST and a private DOCKER_CONFIG. */
  env: Record<string, string>;
  /** Runs the docker CLI against this engine and returns its stdout. */
  docker(...args: string[]): Promise<string>;
  /** The last lines of the daemon's log. */
  logTail(): Promise<string>;
  /** Stops the daemon and its containerd, unmounts what it mounted and removes the temp dir. */
  stop(): Promise<void>;
}

const DEFAULT_STORAGE_DRIVER = 'vfs';
const DEFAULT_START_TIMEOUT_MS = 30_000;
const DOCKERD = '/usr/sbin/dockerd';
/** Debian's CLI from docker.io; another `docker` earlier on PATH may not match the engine's version. */
const DEBIAN_DOCKER_CLI = '/usr/bin/docker';
const HTTP_OK = 200;
const CLI_MAX_BUFFER = 64 * 1024 * 1024;

/** Starts dockerd as root from a fresh temp dir on a unix socket and waits until its API answers. */
export async function startDockerd(opts: DockerdOptions = {}): Promise<DockerEngine> {
  if (!existsSync(DOCKERD)) throw new Error(`${DOCKERD} is missing: install the Debian package docker.io`);
  const dir = await mkdtemp(join(tmpdir(), 'berth-dockerd-'));
  const socket = socketPath(dir, 'docker.sock');
  const host = `unix://${socket}`;
  for (const sub of ['data', 'exec', 'client']) await mkdir(join(dir, sub));
  const daemon = await startDaemon(
    DOCKERD,
    [
      `--data-root=${join(dir, 'data')}`,
      `--exec-root=${join(dir, 'exec')}`,
      `--pidfile=${join(dir, 'docker.pid')}`,
      `-H`,
      host,
      `--storage-driver=${opts.storageDriver ?? DEFAULT_STORAGE_DRIVER}`,
      '--iptables=false',
      '--ip6tables=false',
      '--bridge=none',
      '--ip-masq=false',
      '--userland-proxy=false',
    ],
    join(dir, 'dockerd.log'),
  );
  const stop = async (): Promise<void> => {
    await daemon.terminate();
    await killPidFile(join(dir, 'exec', 'containerd', 'containerd.pid'), dir);
    await removeDaemonDir(dir);
  };
  const env = { DOCKER_HOST: host, DOCKER_CONFIG: join(dir, 'client') };
  try {
    await waitForSocket(daemon, 'dockerd', socket, opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS, () => ping(socket));
  } catch (error) {
    await stop();
    throw error;
  }
  const cli = existsSync(DEBIAN_DOCKER_CLI) ? DEBIAN_DOCKER_CLI : 'docker';
  return {
    host,
    env,
    docker: async (...args) => {
      const { stdout } = await promisify(execFile)(cli, args, {
        env: { PATH: process.env['PATH'] ?? '', ...env },
        maxBuffer: CLI_MAX_BUFFER,
      });
      return stdout;
    },
    logTail: () => daemon.logTail(),
    stop,
  };
}

/** Whether the engine answers `GET /_ping` with 200 on its socket (it does once initialization completed). */
function ping(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath: socket, path: '/_ping', method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode === HTTP_OK);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}
