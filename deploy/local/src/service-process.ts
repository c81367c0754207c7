import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** How long a service may take to stop after SIGTERM before it is killed. */
const STOP_GRACE_MS = 15_000;
/** pino's numeric level for warnings: lines at or above it reach the terminal. */
const PINO_WARN = 40;

/** A Berth service run by the launcher: its JSON log goes to a file; warnings and errors also reach the terminal. */
export class ServiceProcess {
  private child?: ChildProcess;
  private log?: WriteStream;
  private stopping = false;
  private exitStatus?: number | null;
  readonly exited: Promise<number | null>;
  private resolveExit!: (code: number | null) => void;

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDir: string,
    private readonly echoAll: boolean,
  ) {
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  /** The exit code once the process has exited (null when killed by a signal), undefined while it runs. */
  get exitCode(): number | null | undefined {
    return this.exitStatus;
  }

  /** Whether stop() was asked for (an exit after that is expected). */
  get isStopping(): boolean {
    return this.stopping;
  }

  /** Spawns the service. */
  start(): void {
    this.log = createWriteStream(join(this.logDir, `${this.name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, ['--enable-source-maps', this.entry], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => this.onLine(line));
    }
    child.once('exit', (code) => {
      this.exitStatus = code;
      this.resolveExit(code);
    });
  }

  /** Sends SIGTERM, waits for a clean exit, and kills it after the grace period. */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
    this.log?.end();
  }

  private onLine(line: string): void {
    this.log?.write(`${line}\n`);
    if (this.echoAll) {
      process.stdout.write(`${this.name} | ${line}\n`);
      return;
    }
    let level = PINO_WARN;
    let message = line;
    try {
      const parsed = JSON.parse(line) as { level?: number; msg?: string; err?: unknown };
      level = parsed.level ?? PINO_WARN;
      message = `${parsed.msg ?? ''}${parsed.err ? ` ${JSON.stringify(parsed.err)}` : ''}`;
    } catch {
      // Not a JSON log line (a crash trace, a one-line config error): always show it.
    }
    if (level >= PINO_WARN) process.stderr.write(`${this.name} | ${message}\n`);
  }
}
