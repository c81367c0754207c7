import { type OverallHealth } from '@berth/common';
import { buildOciImage, freePort, isPortOpen, readOciLayoutImage, type TestOciImage } from '@berth/testing';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { type RunningPlatform, startPlatform, stopPlatform } from './launcher';

/** Flags for Debian's Chromium as root on a machine without a network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
];

describe('npm start: the whole platform from the quick start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'berth-quickstart-'));
  const ports = { http: 0, registry: 0, postgres: 0, redis: 0 };
  let env: NodeJS.ProcessEnv;
  let platform: RunningPlatform;
  let image: TestOciImage;
  let api: string;
  let registry: string;

  beforeAll(async () => {
    // mkdtemp makes a 0700 directory; the embedded Postgres runs as the postgres user and must reach its cluster.
    chmodSync(dataDir, 0o755);
    for (const key of Object.keys(ports) as (keyof typeof ports)[]) ports[key] = await freePort();
    // The embedded defaults: no DATABASE_URL, REDIS_URL or storage settings, so the launcher starts its own.
    const { DATABASE_URL: _db, REDIS_URL: _redis, BERTH_ADMIN_PASSWORD: _pw, ...inherited } = process.env;
    env = {
      ...inherited,
      BERTH_DATA_DIR: dataDir,
      BERTH_HTTP_PORT: String(ports.http),
      BERTH_REGISTRY_PORT: String(ports.registry),
      BERTH_EMBEDDED_POSTGRES_PORT: String(ports.postgres),
      BERTH_EMBEDDED_REDIS_PORT: String(ports.redis),
    };
    api = `http://127.0.0.1:${ports.http}/api/v2.0`;
    registry = `127.0.0.1:${ports.registry}`;
    image = buildOciImage({ layerCount: 2 });
    platform = await startPlatform(env);
  });

  afterAll(async () => {
    if (platform) await stopPlatform(platform);
    rmSync(dataDir, { recursive: true, force: true });
    if (image) rmSync(image.dir, { recursive: true, force: true });
  });

  it('prints the console URL, the admin login and a push line, and keeps the generated password', () => {
    const out = platform.output();
    expect(out).toContain(`Console      http://localhost:${ports.http}/`);
    expect(out).toContain(`docker push localhost:${ports.registry}/library/`);
    expect(out).toContain(`skopeo copy --dest-tls-verify=false`);
    const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as { adminPassword: string };
    expect(platform.adminPassword).toBe(secrets.adminPassword);
    expect(platform.adminPassword.length).toBeGreaterThanOrEqual(20);
  });

  it('reports every component healthy', async () => {
    const response = await fetch(`${api}/health`);
    const body = (await response.json()) as OverallHealth;
    expect(response.status).toBe(200);
    expect(body.components.map((c) => [c.name, c.status])).toEqual([
      ['core', 'healthy'],
      ['database', 'healthy'],
      ['redis', 'healthy'],
      ['storage', 'healthy'],
      ['registry', 'healthy'],
      ['worker', 'healthy'],
    ]);
  });

  it('serves the console: sign in as admin, see the library project and the system information', async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${ports.http}/`);
      await page.locator('input[autocomplete="username"]').fill('admin');
      await page.locator('input[type="password"]').fill(platform.adminPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('link', { name: 'library' }).first().waitFor({ timeout: 15_000 });
      await page.goto(`http://127.0.0.1:${ports.http}/admin/system`);
      await page.getByText('Filesystem').first().waitFor({ timeout: 15_000 });
      await page.getByText(/Overall:/).waitFor({ timeout: 15_000 });
      const text = await page.locator('body').innerText();
      expect(text).toContain(`localhost:${ports.registry}`);
      expect(text).toContain('Database');
      expect(text).toMatch(/Overall:\s*healthy/);
      await page.screenshot({ path: join(dataDir, 'console.png') });
    } finally {
      await browser.close();
    }
  });

  it('round-trips a two-layer image through skopeo with identical digests (push as admin, anonymous pull)', () => {
    const target = `docker://${registry}/library/quickstart:${image.tag}`;
    const creds = `admin:${platform.adminPassword}`;
    execFileSync(
      'skopeo',
      ['copy', '--dest-tls-verify=false', '--dest-creds', creds, `oci:${image.dir}:${image.tag}`, target],
      { stdio: 'pipe' },
    );
    // library is public: anonymous callers may pull it.
    const out = mkdtempSync(join(tmpdir(), 'berth-quickstart-pull-'));
    try {
      execFileSync('skopeo', ['copy', '--src-tls-verify=false', target, `oci:${out}:${image.tag}`], { stdio: 'pipe' });
      const pulled = readOciLayoutImage(out, image.tag);
      expect(pulled.digest).toBe(image.manifestDigest);
      expect(pulled.manifest.equals(image.manifest)).toBe(true);
      expect(pulled.configDigest).toBe(image.config.digest);
      expect(pulled.layerDigests).toEqual(image.layers.map((l) => l.digest));
      const inspect = JSON.parse(
        execFileSync('skopeo', ['inspect', '--no-tags', '--tls-verify=false', target], { encoding: 'utf8' }),
      ) as { Digest: string; Layers: string[] };
      expect(inspect.Digest).toBe(image.manifestDigest);
      expect(inspect.Layers).toEqual(image.layers.map((l) => l.digest));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('stops everything it started on SIGTERM, and a second start keeps the data', async () => {
    const code = await stopPlatform(platform);
    expect(code, platform.output()).toBe(0);
    for (const port of Object.values(ports)) expect(await isPortOpen(port), `port ${port}`).toBe(false);

    const firstPassword = platform.adminPassword;
    platform = await startPlatform(env);
    expect(platform.adminPassword).toBe(firstPassword);
    const raw = execFileSync(
      'skopeo',
      ['inspect', '--raw', '--tls-verify=false', `docker://${registry}/library/quickstart:${image.tag}`],
      { encoding: 'buffer' },
    );
    expect(raw.equals(image.manifest)).toBe(true);
  });
});
