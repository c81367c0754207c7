/*
 * What the private container daemons for tests (dockerd.ts, containerd.ts) have in common: a child process logging to
 * a file in its temp dir, a wait for its unix socket, and a stop that leaves no process, mount or file behind.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const POLL_INTERVAL_MS = 100;
const STOP_GRACE_MS = 10_000;
const LOG_TAIL_CHARS = 4_000;
/** /proc/self/mountinfo: the mount point is the fifth space-separated field. */
const MOUNTINFO_MOUNT_POINT_FIELD = 4;

/** A daemon started by startDaemon. */
export interface Daemon {
  child: ChildProcess;
  /** The last lines the daemon wrote to its log. */
  logTail(): Promise<string>;
  /** Sends SIGTERM, then SIGKILL after a grace period, and resolves once the process exited. */
  terminate(): Promise<void>;
}

/** Spawns `command` with its stdout and stderr appended to `logFile`, and kills it when the test process exits. */
export async function startDaemon(
  command: string,
  args: string[],
  logFile: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Daemon> {
  const log = createWriteStream(logFile);
  await once(log, 'open');
  const child = spawn(command, args, { env, stdio: ['ignore', log, log] });
  const exited = once(child, 'exit').catch(() => undefined);
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', kill);
  return {
    child,
    logTail: async () => (await readFile(logFile, 'utf8').catch(() => '')).slice(-LOG_TAIL_CHARS),
    terminate: async () => {
      process.removeListener('exit', kill);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(kill, STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
      log.end();
    },
  };
}

/**
 * Resolves once `ready` (by default: something accepts connections on the unix socket `path`) says so, or throws with
 * the daemon's log when it exits or the time is up.
 */
export async function waitForSocket(
  daemon: Daemon,
  name: string,
  path: string,
  timeoutMs: number,
  ready: () => Promise<boolean> = () => accepts(path),
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (daemon.child.exitCode !== null || daemon.child.signalCode !== null) {
      throw new Error(
        `${name} exited with ${daemon.child.exitCode ?? daemon.child.signalCode}:\n${await daemon.logTail()}`,
      );
    }
    if (await ready()) return;
    if (Date.now() > deadline) throw new Error(`${name} not ready after ${timeoutMs} ms:\n${await daemon.logTail()}`);
    await sleep(POLL_INTERVAL_MS);
  }
}

function accepts(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ path }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** Decodes the octal escapes (`\040` for a space) the kernel writes in /proc/self/mountinfo. */
function decodeMountPath(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/**
 * Lazily unmounts everything mounted at or below `dir`, deepest first: dockerd bind-mounts its data root onto itself,
 * and a daemon killed mid-unpack can leave overlay or bind mounts behind. Removing files under a live mount would
 * reach into the mounted file system, so this runs before the temp dir is removed.
 */
export async function unmountUnder(dir: string): Promise<void> {
  const mountinfo = await readFile('/proc/self/mountinfo', 'utf8');
  const points = mountinfo
    .split('\n')
    .map((line) => line.split(' ')[MOUNTINFO_MOUNT_POINT_FIELD])
    .filter((field): field is string => field !== undefined)
    .map(decodeMountPath)
    .filter((point) => point === dir || point.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const point of points) await promisify(execFile)('umount', ['-l', point]).catch(() => undefined);
}

/** Unmounts what remains below `dir` and removes it. */
export async function removeDaemonDir(dir: string): Promise<void> {
  await unmountUnder(dir);
  await rm(dir, { recursive: true, force: true });
}

/**
 * Kills the process whose id a daemon wrote to `pidFile` (dockerd's own containerd, say) if it still runs and its
 * command line still mentions `dir`, so a recycled process id is never hit.
 */
export async function killPidFile(pidFile: string, dir: string): Promise<void> {
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!cmdline.includes(dir)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone: the daemon stopped it.
  }
}

/** The path of `name` inside `dir`, checked against the 107-byte limit of a unix socket path (sun_path less NUL). */
export function socketPath(dir: string, name: string): string {
  const path = join(dir, name);
  if (Buffer.byteLength(path) > UNIX_SOCKET_PATH_MAX)
    throw new Error(`socket path too long for a unix socket: ${path}`);
  return path;
}

/** sun_path in struct sockaddr_un holds 108 bytes including the terminating NUL. */
const UNIX_SOCKET_PATH_MAX = 107;
