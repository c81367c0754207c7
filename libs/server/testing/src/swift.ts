/*
 * An OpenStack Swift with its S3 API, started from a fresh temp dir for integration tests.
 *
 * Only the Debian package `python3-swift` (the Python library) is needed: the servers are started through
 * `swift.common.wsgi.run_wsgi` and the rings are built with `swift.common.ring.RingBuilder`, so neither the
 * `swift-*-server` scripts nor /etc/swift are required. Everything lives in one temp dir:
 *
 *   swift.conf                     hash prefix/suffix and the single storage policy (read via set_swift_dir)
 *   {account,container,object}.ring.gz   one device each, one replica
 *   {account,container,object,proxy}-server.conf
 *   berth_swift_cache.py           an in-process stand-in for memcached (see CACHE_FILTER)
 *   devices/d1/                    the only device; mount_check is off
 *   logs/<server>.log              each server's stdout/stderr
 *
 * Swift's object server keeps its metadata in user xattrs, so the temp dir must sit on a filesystem that supports
 * them: the first of os.tmpdir(), /var/tmp and /dev/shm that does is used (probed by the ring-building step).
 *
 * Workarounds for Swift defaults that would break or slow tests, kept here and never in the drivers:
 * - tempauth refuses S3 requests without a cache ("Memcache required"): a dict-backed cache filter replaces memcached
 *   (each server runs with workers = 0, a single process, so one dict is coherent).
 * - SLO rate-limits reads of multipart objects after 10 segments to 1 segment/s: disabled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './net';

/** How to start the Swift test service. */
export interface SwiftOptions {
  /** Python interpreter with the `swift` package (the Debian python3-swift installs it for /usr/bin/python3). */
  python?: string;
  /** Parent dir of the temp dir; it must support user xattrs. Defaults to the first candidate that does. */
  parentDir?: string;
  /** How long to wait for the servers to answer before giving up. */
  startTimeoutMs?: number;
}

/** A running Swift with its S3 API, and how to reach it. */
export interface SwiftService {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  region: string;
  /** Stops every Swift process and removes the temp dir. */
  stop(): Promise<void>;
}

const DEFAULT_PYTHON = '/usr/bin/python3';
const DEFAULT_START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const POLL_INTERVAL_MS = 100;
const LOG_TAIL_CHARS = 4_000;
const LOOPBACK = '127.0.0.1';
const PARENT_DIR_CANDIDATES = [tmpdir(), '/var/tmp', '/dev/shm'];
/** Exit code of the ring-building step when the dir lacks user xattrs. */
const EXIT_NO_XATTR = 3;

/** The tempauth account, user and key; s3api takes `account:user` as the access key and the key as the secret. */
const ACCOUNT = 'test';
const USER = 'tester';
const KEY = 'testing';
const REGION = 'us-east-1';

/** 2^6 partitions: a ring this small builds in milliseconds and one device holds all of it. */
const RING_PART_POWER = 6;

type ServerName = 'account' | 'container' | 'object' | 'proxy';
const BACKENDS = ['account', 'container', 'object'] as const;

const BUILD_RINGS = `
import os, sys
from swift.common.ring import RingBuilder
swift_dir, devices, part_power = sys.argv[1], sys.argv[2], int(sys.argv[3])
probe = os.path.join(devices, 'xattr-probe')
open(probe, 'w').close()
try:
    os.setxattr(probe, 'user.berth', b'1')
except OSError:
    sys.exit(${EXIT_NO_XATTR})
finally:
    os.unlink(probe)
for arg in sys.argv[4:]:
    name, port = arg.split('=')
    builder = RingBuilder(part_power, 1, 0)
    builder.add_dev({'id': 0, 'region': 1, 'zone': 1, 'ip': '${LOOPBACK}', 'port': int(port), 'device': 'd1', 'weight': 100})
    builder.rebalance()
    builder.get_ring().save(os.path.join(swift_dir, name + '.ring.gz'))
`;

const RUN_SERVER = `
import sys
from swift.common import utils
utils.set_swift_dir(sys.argv[1])
from swift.common.wsgi import run_wsgi
sys.exit(run_wsgi(sys.argv[2], sys.argv[3], verbose=True))
`;

/** A paste filter putting a dict-backed cache with memcached's client interface at env['swift.cache']. */
const CACHE_FILTER = `
import time

class DictCache(object):
    def __init__(self):
        self.data = {}

    def get(self, key, raise_on_error=False):
        entry = self.data.get(key)
        if entry is None or (entry[1] and entry[1] < time.time()):
            return None
        return entry[0]

    def set(self, key, value, serialize=True, time=0, min_compress_len=0, raise_on_error=False):
        self.data[key] = (value, _expiry(time))

    def incr(self, key, delta=1, time=0):
        value = int(self.get(key) or 0) + delta
        self.set(key, value, time=time)
        return value

    def decr(self, key, delta=1, time=0):
        return self.incr(key, -delta, time)

    def delete(self, key, server_key=None):
        self.data.pop(key, None)

    def get_multi(self, keys, server_key):
        return [self.get(key) for key in keys]

    def set_multi(self, mapping, server_key, serialize=True, time=0, min_compress_len=0):
        for key, value in mapping.items():
            self.set(key, value, time=time)


def _expiry(ttl):
    return time.time() + ttl if ttl else 0


def filter_factory(global_conf, **local_conf):
    cache = DictCache()

    def make_filter(app):
        def middleware(env, start_response):
            env['swift.cache'] = cache
            return app(env, start_response)
        return middleware
    return make_filter
`;

function serverDefaults(dir: string, port: number): string {
  return `[DEFAULT]
bind_ip = ${LOOPBACK}
bind_port = ${port}
workers = 0
user = ${userInfo().username}
swift_dir = ${dir}
devices = ${join(dir, 'devices')}
mount_check = false
log_level = WARNING
`;
}

function backendConf(dir: string, name: (typeof BACKENDS)[number], port: number): string {
  return `${serverDefaults(dir, port)}
[pipeline:main]
pipeline = ${name}-server

[app:${name}-server]
use = egg:swift#${name}
`;
}

function proxyConf(dir: string, port: number): string {
  return `${serverDefaults(dir, port)}
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = true

[filter:cache]
paste.filter_factory = berth_swift_cache:filter_factory

[filter:s3api]
use = egg:swift#s3api
location = ${REGION}

[filter:tempauth]
use = egg:swift#tempauth
user_${ACCOUNT}_${USER} = ${KEY} .admin

[filter:slo]
use = egg:swift#slo
rate_limit_segments_per_sec = 0

[filter:dlo]
use = egg:swift#dlo

[filter:copy]
use = egg:swift#copy

[filter:catch_errors]
use = egg:swift#catch_errors

[filter:gatekeeper]
use = egg:swift#gatekeeper

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:proxy-logging]
use = egg:swift#proxy_logging

[filter:listing_formats]
use = egg:swift#listing_formats
`;
}

const SWIFT_CONF = `[swift-hash]
swift_hash_path_prefix = berth-test
swift_hash_path_suffix = berth-test

[storage-policy:0]
name = default
default = yes
`;

/** Starts a single-node Swift (account, container, object and proxy servers) answering S3 on a free loopback port. */
export async function startSwift(opts: SwiftOptions = {}): Promise<SwiftService> {
  const python = opts.python ?? DEFAULT_PYTHON;
  const ports = { account: 0, container: 0, object: 0, proxy: 0 } satisfies Record<ServerName, number>;
  for (const name of Object.keys(ports) as ServerName[]) ports[name] = await freePort();

  const dir = await prepareDir(python, opts.parentDir, ports);
  const processes: ChildProcess[] = [];
  const killAll = (): void => {
    for (const child of processes) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killAll);

  const stop = async (): Promise<void> => {
    await Promise.all(processes.map((child) => terminate(child)));
    process.removeListener('exit', killAll);
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await mkdir(join(dir, 'logs'));
    for (const name of Object.keys(ports) as ServerName[]) {
      const log = createWriteStream(join(dir, 'logs', `${name}.log`));
      await once(log, 'open');
      const child = spawn(python, ['-c', RUN_SERVER, dir, join(dir, `${name}-server.conf`), `${name}-server`], {
        env: { ...process.env, PYTHONPATH: dir, PYTHONDONTWRITEBYTECODE: '1' },
        stdio: ['ignore', log, log],
      });
      processes.push(child);
    }
    const endpoint = `http://${LOOPBACK}:${ports.proxy}`;
    await waitUntilReady(dir, endpoint, ports, processes, opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
    return { endpoint, accessKey: `${ACCOUNT}:${USER}`, secretKey: KEY, region: REGION, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function prepareDir(
  python: string,
  parentDir: string | undefined,
  ports: Record<ServerName, number>,
): Promise<string> {
  const candidates = parentDir ? [parentDir] : PARENT_DIR_CANDIDATES.filter((candidate) => existsSync(candidate));
  for (const parent of candidates) {
    const dir = await mkdtemp(join(parent, 'berth-swift-'));
    await mkdir(join(dir, 'devices', 'd1'), { recursive: true });
    await writeFile(join(dir, 'swift.conf'), SWIFT_CONF);
    await writeFile(join(dir, 'berth_swift_cache.py'), CACHE_FILTER);
    for (const name of BACKENDS) await writeFile(join(dir, `${name}-server.conf`), backendConf(dir, name, ports[name]));
    await writeFile(join(dir, 'proxy-server.conf'), proxyConf(dir, ports.proxy));

    const rings = BACKENDS.map((name) => `${name}=${ports[name]}`);
    const result = await run(python, ['-c', BUILD_RINGS, dir, join(dir, 'devices'), String(RING_PART_POWER), ...rings]);
    if (result.code === 0) return dir;
    await rm(dir, { recursive: true, force: true });
    if (result.code !== EXIT_NO_XATTR) throw new Error(`building the Swift rings failed: ${result.output}`);
  }
  throw new Error(`none of ${candidates.join(', ')} supports user xattrs, which Swift's object server needs`);
}

async function waitUntilReady(
  dir: string,
  endpoint: string,
  ports: Record<ServerName, number>,
  processes: ChildProcess[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const names = Object.keys(ports) as ServerName[];
  for (;;) {
    const exited = processes.findIndex((child) => child.exitCode !== null || child.signalCode !== null);
    if (exited >= 0) throw new Error(`swift ${names[exited]}-server exited: ${await logTail(dir, names[exited])}`);
    if (await answers(endpoint, ports)) return;
    if (Date.now() > deadline) {
      const logs = await Promise.all(names.map(async (name) => `${name}: ${await logTail(dir, name)}`));
      throw new Error(`swift did not answer within ${timeoutMs} ms\n${logs.join('\n')}`);
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

/** Whether every backend listens and the proxy authenticates our user and serves its (auto-created) account. */
async function answers(endpoint: string, ports: Record<ServerName, number>): Promise<boolean> {
  try {
    for (const name of BACKENDS) {
      const res = await fetch(`http://${LOOPBACK}:${ports[name]}/healthcheck`, { method: 'HEAD' });
      await res.arrayBuffer();
    }
    const auth = await fetch(`${endpoint}/auth/v1.0`, {
      headers: { 'X-Auth-User': `${ACCOUNT}:${USER}`, 'X-Auth-Key': KEY },
    });
    await auth.arrayBuffer();
    const token = auth.headers.get('x-auth-token');
    const storageUrl = auth.headers.get('x-storage-url');
    if (!auth.ok || !token || !storageUrl) return false;
    const account = await fetch(storageUrl, { method: 'HEAD', headers: { 'X-Auth-Token': token } });
    await account.arrayBuffer();
    return account.ok;
  } catch {
    return false;
  }
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

async function logTail(dir: string, name: ServerName): Promise<string> {
  const text = await readFile(join(dir, 'logs', `${name}.log`), 'utf8').catch(() => '');
  return text.slice(-LOG_TAIL_CHARS);
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output: output.slice(-LOG_TAIL_CHARS) }));
  });
}
