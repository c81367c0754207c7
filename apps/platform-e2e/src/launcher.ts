import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** The workspace root, from apps/platform-e2e/src. */
export const ROOT = join(__dirname, '../../..');

/** What the quick-start launcher printed once the platform was up. */
export interface RunningPlatform {
  child: ChildProcess;
  output: () => string;
  adminPassword: string;
}

/** The banner line the launcher prints once health is green. */
const READY_LINE = 'Berth is up and healthy.';
/** Start-up budget: install and build are cached by the test command, so this covers Postgres, migrations and boot. */
const START_TIMEOUT_MS = 240_000;

/** Runs `npm start`'s script with the given environment and resolves once the platform reports healthy. */
export async function startPlatform(env: NodeJS.ProcessEnv): Promise<RunningPlatform> {
  const child = spawn('bash', [join(ROOT, 'deploy/local/start.sh')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not healthy within ${START_TIMEOUT_MS} ms:\n${out}`)),
      START_TIMEOUT_MS,
    );
    const poll = setInterval(() => {
      if (out.includes(READY_LINE)) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`launcher exited with ${code} before it was healthy:\n${out}`));
    });
  });
  const adminPassword = /Admin login\s+admin \/ (\S+)/.exec(out)?.[1];
  if (!adminPassword) throw new Error(`no admin login in the banner:\n${out}`);
  return { child, output: () => out, adminPassword };
}

/** Sends SIGTERM and resolves with the exit code. */
export function stopPlatform(platform: RunningPlatform): Promise<number | null> {
  if (platform.child.exitCode !== null) return Promise.resolve(platform.child.exitCode);
  const exited = new Promise<number | null>((resolve) => platform.child.once('close', (code) => resolve(code)));
  platform.child.kill('SIGTERM');
  return exited;
}
