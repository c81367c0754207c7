/*
 * A private containers-storage for podman and buildah (Debian's packages, as root) in a temp dir, so tests never touch
 * /var/lib/containers, /run/containers or the machine's registries, policy and auth files:
 *
 *   storage.conf      CONTAINERS_STORAGE_CONF: the vfs driver (plain directories, no mounts), graphroot root/,
 *                     runroot runroot/
 *   containers.conf   CONTAINERS_CONF: libpod's tmp dir, static dir and volume path below the temp dir, file events,
 *                     cgroupfs, a private network config dir
 *   registries.conf   CONTAINERS_REGISTRIES_CONF: no search registries, so every reference must be fully qualified
 *   policy.json       insecureAcceptAnything, for --signature-policy
 *   auth.json         REGISTRY_AUTH_FILE (empty)
 *   tmp/              TMPDIR for the big temporary files of pulls and commits
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A private podman/buildah store and the tools bound to it. */
export interface ContainersStore {
  dir: string;
  /** The insecureAcceptAnything policy, for `--signature-policy` (podman manifest push has no such flag). */
  policyPath: string;
  /** The environment that points podman and buildah at this store. */
  env: Record<string, string>;
  /** Runs podman with this store and returns its stdout. */
  podman(...args: string[]): Promise<string>;
  /** Runs buildah with this store and returns its stdout. */
  buildah(...args: string[]): Promise<string>;
  /** Removes the store. */
  remove(): Promise<void>;
}

const CLI_MAX_BUFFER = 64 * 1024 * 1024;
const INSECURE_ACCEPT_ANYTHING = { default: [{ type: 'insecureAcceptAnything' }] };

/** Creates an empty private store for podman and buildah in a fresh temp dir. */
export async function createContainersStore(): Promise<ContainersStore> {
  const dir = await mkdtemp(join(tmpdir(), 'berth-containers-'));
  for (const sub of ['root', 'runroot', 'tmp', 'libpod-tmp', 'network']) await mkdir(join(dir, sub));
  const file = (name: string) => join(dir, name);
  await writeFile(
    file('storage.conf'),
    `[storage]\ndriver = "vfs"\ngraphroot = "${file('root')}"\nrunroot = "${file('runroot')}"\n`,
  );
  await writeFile(
    file('containers.conf'),
    `[engine]
tmp_dir = "${file('libpod-tmp')}"
static_dir = "${join(dir, 'root', 'libpod')}"
volume_path = "${join(dir, 'root', 'volumes')}"
events_logger = "file"
events_logfile_path = "${file('events.log')}"
cgroup_manager = "cgroupfs"

[network]
network_config_dir = "${file('network')}"
`,
  );
  await writeFile(file('registries.conf'), 'unqualified-search-registries = []\n');
  await writeFile(file('policy.json'), JSON.stringify(INSECURE_ACCEPT_ANYTHING));
  await writeFile(file('auth.json'), JSON.stringify({ auths: {} }));
  const env = {
    CONTAINERS_STORAGE_CONF: file('storage.conf'),
    CONTAINERS_CONF: file('containers.conf'),
    CONTAINERS_REGISTRIES_CONF: file('registries.conf'),
    REGISTRY_AUTH_FILE: file('auth.json'),
    TMPDIR: file('tmp'),
  };
  const run =
    (tool: string) =>
    async (...args: string[]) => {
      const { stdout } = await promisify(execFile)(tool, args, {
        cwd: dir,
        env: { PATH: process.env['PATH'] ?? '', HOME: dir, ...env },
        maxBuffer: CLI_MAX_BUFFER,
      });
      return stdout;
    };
  return {
    dir,
    policyPath: file('policy.json'),
    env,
    podman: run('podman'),
    buildah: run('buildah'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
