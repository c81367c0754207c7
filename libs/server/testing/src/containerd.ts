/*
 * A private containerd (Debian's `containerd`, as root) started from a temp dir for end-to-end tests, driven with `ctr`:
 *
 *   config.toml        the only configuration read (never /etc/containerd); the CRI plugin is disabled
 *   root/ state/ opt/  root, state and the opt plugin's dir
 *   containerd.sock    the gRPC address (`ctr -a`); containerd.sock.ttrpc beside it
 *   containerd.log     the daemon's output
 *
 * Pulls unpack into the default overlayfs snapshotter, which mounts only for the moment it applies a layer; stop()
 * still unmounts anything left below the temp dir before removing it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { removeDaemonDir, socketPath, startDaemon, waitForSocket } from './daemon';

/** How to start the private containerd. */
export interface ContainerdOptions {
  /** The namespace `ctr` works in. */
  namespace?: string;
  /** How long to wait for the gRPC socket. */
  startTimeoutMs?: number;
}

/** A running private containerd and a `ctr` bound to it. */
export interface ContainerdService {
  /** The gRPC socket path, as `ctr -a` takes it. */
  address: string;
  namespace: string;
  /** Runs `ctr -a <address> -n <namespace> …args` and returns its stdout. */
  ctr(...args: string[]): Promise<string>;
  /** Runs ctr like ctr() and returns its stdout as bytes (`content get`). */
  ctrBytes(...args: string[]): Promise<Buffer>;
  /** The last lines of the daemon's log. */
  logTail(): Promise<string>;
  /** Stops containerd, unmounts anything left below its temp dir and removes the dir. */
  stop(): Promise<void>;
}

const CONTAINERD = '/usr/bin/containerd';
const DEFAULT_NAMESPACE = 'berth-test';
const DEFAULT_START_TIMEOUT_MS = 30_000;
const CLI_MAX_BUFFER = 64 * 1024 * 1024;

/** The config.toml of a containerd that keeps everything in `dir` and runs without the Kubernetes CRI plugin. */
function config(dir: string, address: string): string {
  return `version = 2
root = "${join(dir, 'root')}"
state = "${join(dir, 'state')}"
disabled_plugins = ["io.containerd.grpc.v1.cri"]

[grpc]
  address = "${address}"

[ttrpc]
  address = "${address}.ttrpc"

[debug]
  address = ""

[metrics]
  address = ""

[plugins."io.containerd.internal.v1.opt"]
  path = "${join(dir, 'opt')}"
`;
}

/** Starts containerd as root from a fresh temp dir with its own config and socket, and waits until it serves. */
export async function startContainerd(opts: ContainerdOptions = {}): Promise<ContainerdService> {
  if (!existsSync(CONTAINERD)) throw new Error(`${CONTAINERD} is missing: install the Debian package containerd`);
  const dir = await mkdtemp(join(tmpdir(), 'berth-containerd-'));
  const address = socketPath(dir, 'containerd.sock');
  const namespace = opts.namespace ?? DEFAULT_NAMESPACE;
  await writeFile(join(dir, 'config.toml'), config(dir, address));
  const daemon = await startDaemon(CONTAINERD, ['--config', join(dir, 'config.toml')], join(dir, 'containerd.log'));
  const stop = async (): Promise<void> => {
    await daemon.terminate();
    await removeDaemonDir(dir);
  };
  const ctrBytes = async (...args: string[]): Promise<Buffer> => {
    const { stdout } = await promisify(execFile)('ctr', ['-a', address, '-n', namespace, ...args], {
      maxBuffer: CLI_MAX_BUFFER,
      encoding: 'buffer',
    });
    return stdout;
  };
  const ctr = async (...args: string[]): Promise<string> => (await ctrBytes(...args)).toString('utf8');
  try {
    await waitForSocket(daemon, 'containerd', address, opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS, () =>
      ctr('version').then(
        () => true,
        () => false,
      ),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, namespace, ctr, ctrBytes, logTail: () => daemon.logTail(), stop };
}
