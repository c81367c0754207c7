import {
  buildOciImage,
  createTestDatabase,
  freePort,
  LDAP_FIXTURE,
  readOciLayoutImage,
  type TestDatabase,
  type TestOciImage,
} from '@berth/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { type A11yReport, auditA11y, blocking, launchChromium, newConsoleContext, ScreenshotWriter } from './browser';
import { type RunningPlatform, startPlatform, stopPlatform } from './launcher';
import { apiCaller, basic, skopeo, testLdapConfiguration } from './platform-fixtures';

const { users, groups } = LDAP_FIXTURE;

/** How long a screen may take to show what the suite waits for: a cold Vite bundle plus an LDAP sign-in. */
const SCREEN_TIMEOUT_MS = 15_000;
/** Pull events reach the audit log through the worker in batches of about a second; this leaves ample room. */
const AUDIT_WAIT_MS = 20_000;
/** The project the suite creates through the console, and its repositories. */
const PROJECT = 'payments';
const API_REPOSITORY = `${PROJECT}/api`;
const WORKER_REPOSITORY = `${PROJECT}/worker`;
/** The tests' Redis; the platform's keys go under a prefix of this run's own. */
const REDIS_URL = process.env['BERTH_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0';
/** Where every run leaves its screenshots and axe report (replaced by the next run). */
const SCREENSHOTS_DIR = join(tmpdir(), 'berth-console-screenshots');

/** Runs `use` with a connection to the tests' Redis, closed afterwards. */
async function withRedis(use: (redis: Redis) => Promise<void>): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    await use(redis);
  } finally {
    redis.disconnect();
  }
}

/** Shortens a digest as the console does (`sha256:` and 12 hex digits). */
function shortDigest(digest: string): string {
  return digest.slice(0, 'sha256:'.length + 12);
}

describe('the console end to end: an LDAP team runs a project in real Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'berth-console-'));
  const shots = new ScreenshotWriter(SCREENSHOTS_DIR);
  const prefix = `berth-console-${process.pid}`;
  const a11y: A11yReport[] = [];
  const pulledDir = mkdtempSync(join(tmpdir(), 'berth-console-pulled-'));
  let db: TestDatabase;
  let platform: RunningPlatform;
  let browser: Browser;
  let alice: BrowserContext;
  let page: Page;
  let origin: string;
  let api: string;
  let registry: string;
  let images: { older: TestOciImage; current: TestOciImage; worker: TestOciImage };
  let robotSecret = '';
  let pullCommand = '';

  // `api` is known once the platform is up, so the caller is built per call.
  const call = (method: string, path: string, auth?: string, body?: unknown) =>
    apiCaller(api)(method, path, auth, body);

  /** Pushes an OCI layout image to `<registry>/<repository>:<tag>` as alice, with her directory password. */
  const push = async (image: TestOciImage, repository: string, tag: string) => {
    const pushed = await skopeo(
      'copy',
      '--dest-tls-verify=false',
      '--dest-creds',
      `${users.alice.uid}:${users.alice.password}`,
      `oci:${image.dir}:${image.tag}`,
      `docker://${registry}/${repository}:${tag}`,
    );
    expect(pushed.ok, pushed.out).toBe(true);
  };

  /** Runs axe on the screen as it is now, keeps the report and fails on serious or critical violations. */
  const checkA11y = async (target: Page, screen: string) => {
    const report = await auditA11y(target, screen);
    a11y.push(report);
    expect(blocking(report), `${screen}: ${JSON.stringify(blocking(report), null, 2)}`).toEqual([]);
  };

  /** Fills in and submits the sign-in form as a directory (LDAP) account. */
  const signIn = async (target: Page, username: string, password: string) => {
    await target.getByRole('textbox', { name: 'LDAP username' }).fill(username);
    await target.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await target.getByRole('button', { name: 'Sign in' }).click();
  };

  /** Polls until the value matches, for as long as a screen may take. */
  const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: SCREEN_TIMEOUT_MS, interval: 100 });
  const clipboard = (target: Page) => target.evaluate<string>('navigator.clipboard.readText()');

  const table = (target: Page | Locator, name: string) => target.getByRole('table', { name });
  const row = (target: Locator, ...texts: string[]) =>
    texts.reduce((rows, text) => rows.filter({ hasText: text }), target.getByRole('row'));

  beforeAll(async () => {
    db = await createTestDatabase('console_e2e');
    const ports = { http: await freePort(), registry: await freePort() };
    origin = `http://127.0.0.1:${ports.http}`;
    api = `${origin}/api/v2.0`;
    // The console prints pull commands for BERTH_REGISTRY_URL, `localhost:<port>`; skopeo pushes to the same name.
    registry = `localhost:${ports.registry}`;
    const { BERTH_ADMIN_PASSWORD: _pw, ...inherited } = process.env;
    platform = await startPlatform({
      ...inherited,
      DATABASE_URL: db.url,
      REDIS_URL,
      BERTH_REDIS_PREFIX: prefix,
      BERTH_DATA_DIR: dataDir,
      BERTH_HTTP_PORT: String(ports.http),
      BERTH_REGISTRY_PORT: String(ports.registry),
      BERTH_EXTERNAL_URL: origin,
    });
    const admin = basic('admin', platform.adminPassword);
    const ldap = testLdapConfiguration();
    const configured = await call('PUT', '/configurations', admin, ldap);
    expect(configured.status, JSON.stringify(configured.body)).toBe(200);
    // A second project, so the projects list shows more than one row and a role given through a group.
    const other = await call('POST', '/projects', admin, { project_name: 'frontend', metadata: { public: 'true' } });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const member = await call('POST', '/projects/frontend/members', admin, {
      role_id: 2,
      member_group: { ldap_group_dn: groups.developers, group_type: 1 },
    });
    expect(member.status, JSON.stringify(member.body)).toBe(201);
    images = {
      older: buildOciImage({ layerCount: 2 }),
      current: buildOciImage({ layerCount: 3 }),
      worker: buildOciImage({ layerCount: 1 }),
    };
    browser = await launchChromium();
    alice = await newConsoleContext(browser, origin);
    page = await alice.newPage();
    page.setDefaultTimeout(SCREEN_TIMEOUT_MS);
  });

  afterAll(async () => {
    await browser?.close();
    if (platform) await stopPlatform(platform);
    await db?.drop();
    await withRedis(async (redis) => {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    });
    for (const dir of [dataDir, pulledDir, ...Object.values(images ?? {}).map((i) => i.dir)]) {
      rmSync(dir, { recursive: true, force: true });
    }
    writeFileSync(join(SCREENSHOTS_DIR, 'a11y.json'), JSON.stringify(a11y, null, 2));
    // The screenshots and the axe report stay for a look after the run.
    process.stdout.write(`console e2e: screenshots and a11y.json in ${SCREENSHOTS_DIR}\n`);
  });

  it('signs an LDAP user in, worded for directory accounts', async () => {
    await page.goto(`${origin}/`);
    await eventually(async () => page.url()).toContain('/sign-in');
    await page.getByText('Use your directory (LDAP) username and password.').waitFor();
    await checkA11y(page, 'sign-in');
    await shots.capture(page, 'sign-in');

    await signIn(page, users.alice.uid, 'not-her-password');
    await page
      .getByRole('alert')
      .filter({ hasText: /password|credentials|sign/i })
      .waitFor();

    await signIn(page, users.alice.uid, users.alice.password);
    await table(page, 'Projects').getByRole('link', { name: 'frontend' }).waitFor();
    await page.getByRole('button', { name: `${users.alice.uid}, account menu` }).waitFor();
    // The group membership shows as her role in a project she was never added to by name.
    await expect(row(table(page, 'Projects'), 'frontend').innerText()).resolves.toContain('Developer');
  });

  it('creates a project from the New project dialog', async () => {
    await page.getByRole('button', { name: 'New project' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByRole('textbox', { name: 'Project name' }).fill('Payments!');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await dialog.getByText(/Use lower-case letters and digits/).waitFor();
    await dialog.getByRole('textbox', { name: 'Project name' }).fill(PROJECT);
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await dialog.waitFor({ state: 'detached' });

    const created = row(table(page, 'Projects'), PROJECT);
    await created.getByRole('link', { name: PROJECT }).waitFor();
    await expect(created.innerText()).resolves.toMatch(/Private[\s\S]*Project admin/i);
    await checkA11y(page, 'projects');
    await shots.capture(page, 'projects', { docs: true });
  });

  it('shows images pushed with skopeo with their digests and tags, and copies the exact pull command', async () => {
    await push(images.older, API_REPOSITORY, '1.4.1');
    await push(images.current, API_REPOSITORY, '1.4.2');
    await push(images.current, API_REPOSITORY, 'latest');
    await push(images.worker, WORKER_REPOSITORY, '0.9.0');

    await table(page, 'Projects').getByRole('link', { name: PROJECT }).click();
    await page.getByRole('tab', { name: 'Repositories' }).click();
    const repositories = table(page, 'Repositories');
    await repositories.getByRole('link', { name: 'worker', exact: true }).waitFor();
    await checkA11y(page, 'project-repositories');

    await repositories.getByRole('link', { name: 'api', exact: true }).click();
    await page.getByRole('heading', { name: API_REPOSITORY }).waitFor();
    await page.getByText(/^2 artifacts · 0 pulls$/).waitFor();
    const artifacts = table(page, 'Artifacts');
    const current = row(artifacts, shortDigest(images.current.manifestDigest));
    const older = row(artifacts, shortDigest(images.older.manifestDigest));
    await current.getByRole('link', { name: `Artifact ${shortDigest(images.current.manifestDigest)}` }).waitFor();
    await expect(current.innerText()).resolves.toMatch(/1\.4\.2[\s\S]*latest/);
    await expect(older.innerText()).resolves.toContain('1.4.1');
    await eventually(() => artifacts.getByRole('row').count()).toBe(3);
    await checkA11y(page, 'repository');
    await shots.capture(page, 'repository', { docs: true });

    await current
      .getByRole('button', { name: `Pull commands for ${shortDigest(images.current.manifestDigest)}` })
      .click();
    const commands = page.getByRole('dialog', {
      name: `Pull commands for ${shortDigest(images.current.manifestDigest)}`,
    });
    await commands.getByText(`docker pull ${registry}/${API_REPOSITORY}:latest`).waitFor();
    await checkA11y(page, 'pull-commands');
    await commands.getByRole('button', { name: 'Copy pull command for tag 1.4.2' }).click();
    pullCommand = await clipboard(page);
    expect(pullCommand).toBe(`docker pull ${registry}/${API_REPOSITORY}:1.4.2`);
    await commands.getByRole('button', { name: 'Copy pull command by digest' }).click();
    await eventually(() => clipboard(page)).toBe(
      `docker pull ${registry}/${API_REPOSITORY}@${images.current.manifestDigest}`,
    );
    await page.keyboard.press('Escape');
    await commands.waitFor({ state: 'hidden' });

    await current.getByRole('link', { name: `Artifact ${shortDigest(images.current.manifestDigest)}` }).click();
    await page
      .getByRole('heading', { name: `${API_REPOSITORY}@${shortDigest(images.current.manifestDigest)}` })
      .waitFor();
    await page.getByText(images.current.manifestDigest, { exact: true }).waitFor();
    const layers = table(page, 'Layers');
    // A header row, a row per layer and a footer with the total.
    await eventually(() => layers.getByRole('row').count()).toBe(images.current.layers.length + 2);
    for (const layer of images.current.layers) await layers.getByText(shortDigest(layer.digest)).first().waitFor();
    await checkA11y(page, 'artifact');
    await shots.capture(page, 'artifact', { docs: true });
  });

  it('adds an LDAP group as a member, named by its DN', async () => {
    await page.getByRole('link', { name: PROJECT, exact: true }).first().click();
    await page.getByRole('tab', { name: 'Members' }).click();
    await page.getByRole('button', { name: 'Add member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add member' });
    await dialog.locator('label', { hasText: 'LDAP group' }).click();
    // Only administrators may search LDAP; a project admin names the group by its DN.
    await dialog.getByRole('combobox', { name: 'LDAP group' }).fill(groups.guests);
    await page.getByRole('option', { name: `Use the DN ${groups.guests}` }).click();
    await dialog.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Guest' });
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await dialog.waitFor({ state: 'detached' });

    const members = table(page, 'Members');
    await expect(row(members, 'guests').innerText()).resolves.toMatch(/LDAP group/i);
    await eventually(() => members.getByRole('combobox', { name: 'Role of guests' }).inputValue()).toBe('3');
    await expect(row(members, users.alice.uid).innerText()).resolves.toContain('(you)');
    await checkA11y(page, 'members');
    await shots.capture(page, 'members', { docs: true });
  });

  it('creates a pull-only robot, shows its secret once, and the secret pulls with skopeo', async () => {
    await page.getByRole('tab', { name: 'Robot accounts' }).click();
    await page.getByRole('button', { name: 'New robot account' }).click();
    const dialog = page.getByRole('dialog', { name: 'New robot account' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('ci');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Deploys payments from CI');
    await dialog.getByRole('button', { name: 'Pull only' }).click();
    await eventually(() => dialog.getByRole('checkbox', { name: 'repository:pull' }).isChecked()).toBe(true);
    await eventually(() => dialog.getByRole('checkbox', { name: 'repository:push' }).isChecked()).toBe(false);
    await checkA11y(page, 'new-robot');
    await dialog.getByRole('button', { name: 'Create robot account' }).click();

    const robotName = `robot$${PROJECT}+ci`;
    const reveal = page.getByRole('dialog', { name: `Robot account ${robotName} created` });
    await eventually(() => reveal.getByRole('textbox', { name: 'Name' }).inputValue()).toBe(robotName);
    robotSecret = await reveal.getByRole('textbox', { name: 'Secret' }).inputValue();
    expect(robotSecret.length).toBeGreaterThanOrEqual(20);
    await reveal.getByRole('button', { name: 'Copy secret' }).click();
    await eventually(() => clipboard(page)).toBe(robotSecret);
    await reveal.getByRole('button', { name: 'I have stored it' }).click();
    await reveal.waitFor({ state: 'detached' });

    await expect(row(table(page, 'Robot accounts'), robotName).innerText()).resolves.toMatch(
      /Enabled[\s\S]*payments: 5 permissions/i,
    );
    await checkA11y(page, 'robots');
    await shots.capture(page, 'robots');

    // The reference of the pull command the console copied, pulled with the robot's secret.
    const reference = pullCommand.replace(/^docker pull /, '');
    const creds = `${robotName}:${robotSecret}`;
    const pulled = await skopeo(
      'copy',
      '--src-tls-verify=false',
      '--src-creds',
      creds,
      `docker://${reference}`,
      `oci:${pulledDir}:pulled`,
    );
    expect(pulled.ok, pulled.out).toBe(true);
    expect(readOciLayoutImage(pulledDir, 'pulled').digest).toBe(images.current.manifestDigest);
    const pushed = await skopeo(
      'copy',
      '--dest-tls-verify=false',
      '--dest-creds',
      creds,
      `oci:${images.worker.dir}:${images.worker.tag}`,
      `docker://${registry}/${PROJECT}/robot:1`,
    );
    expect(pushed.ok).toBe(false);
  });

  it("shows the project's audit log: the project, the pushes, the member, the robot and the robot's pull", async () => {
    await page.getByRole('tab', { name: 'Logs' }).click();
    const log = table(page, 'Audit log');
    const robotName = `robot$${PROJECT}+ci`;
    const deadline = Date.now() + AUDIT_WAIT_MS;
    // The robot's pull arrives through the worker; reload until it is there.
    while ((await row(log, robotName, 'pull').count()) === 0 && Date.now() < deadline) {
      await page.waitForTimeout(500);
      await page.reload();
      await log.getByRole('row').nth(1).waitFor();
    }
    await row(log, robotName, 'pull', API_REPOSITORY).first().waitFor();
    await row(log, users.alice.uid, 'create', 'project', PROJECT).waitFor();
    await row(log, users.alice.uid, 'push', `${API_REPOSITORY}`).first().waitFor();
    await row(log, users.alice.uid, 'push', `${WORKER_REPOSITORY}`).first().waitFor();
    await row(log, users.alice.uid, 'create', 'member', 'guests').waitFor();
    await row(log, users.alice.uid, 'create', 'robot', robotName).waitFor();
    await checkA11y(page, 'logs');
    await shots.capture(page, 'logs', { docs: true });

    await page.getByRole('combobox', { name: 'Operation' }).selectOption('pull');
    // The operation column of every row left, once the filtered page has replaced the unfiltered one.
    const operations = async () => [...new Set(await log.locator('tbody tr td:nth-child(3)').allInnerTexts())];
    await eventually(operations).toEqual(['pull']);
  });

  it('shows a guest of the project no action it may not take', async () => {
    const guest = await newConsoleContext(browser, origin);
    try {
      const bob = await guest.newPage();
      bob.setDefaultTimeout(SCREEN_TIMEOUT_MS);
      await bob.goto(`${origin}/projects`);
      await signIn(bob, users.bob.uid, users.bob.password);
      const projects = table(bob, 'Projects');
      await expect(row(projects, PROJECT).innerText()).resolves.toContain('Guest');
      await eventually(() => projects.getByRole('button', { name: `Delete project ${PROJECT}` }).count()).toBe(0);

      await projects.getByRole('link', { name: PROJECT }).click();
      await bob.getByRole('tab', { name: 'Summary' }).waitFor();
      await eventually(() => bob.getByRole('tab').allInnerTexts()).toEqual(['Summary', 'Repositories', 'Members']);
      await eventually(() => bob.getByRole('button', { name: 'Delete project' }).count()).toBe(0);

      await bob.getByRole('tab', { name: 'Members' }).click();
      const members = table(bob, 'Members');
      await row(members, 'guests').waitFor();
      await eventually(() => bob.getByRole('button', { name: 'Add member' }).count()).toBe(0);
      await eventually(() => members.getByRole('combobox').count()).toBe(0);
      await eventually(() => members.getByRole('button', { name: /^Remove / }).count()).toBe(0);
      await checkA11y(bob, 'guest-members');

      await bob.getByRole('tab', { name: 'Repositories' }).click();
      await table(bob, 'Repositories').getByRole('link', { name: 'api', exact: true }).click();
      const artifacts = table(bob, 'Artifacts');
      await row(artifacts, '1.4.2').waitFor();
      await eventually(() => artifacts.getByRole('button', { name: /^Pull commands for / }).count()).toBe(2);
      await eventually(() =>
        artifacts.getByRole('button', { name: /^(Delete artifact|Remove tag|Add a tag)/ }).count(),
      ).toBe(0);
      await checkA11y(bob, 'guest-repository');

      // Typing the URL of a tab the guest does not see shows nothing of it either.
      await bob.goto(`${origin}${new URL(bob.url()).pathname.replace(/\/repositories\/.*$/, '/robots')}`);
      await eventually(() => bob.getByRole('button', { name: 'New robot account' }).count()).toBe(0);
    } finally {
      await guest.close();
    }
  });

  it('switches to the dark theme and keeps it readable', async () => {
    await page.getByRole('tab', { name: 'Repositories' }).click();
    await table(page, 'Repositories').getByRole('link', { name: 'api', exact: true }).click();
    await table(page, 'Artifacts').getByRole('row').nth(2).waitFor();
    await page.getByRole('button', { name: 'Colour theme' }).click();
    await page.getByRole('menuitem', { name: 'Dark' }).click();
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await eventually(() => page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    await checkA11y(page, 'repository-dark');
    await shots.capture(page, 'repository-dark', { docs: true });
    await page.reload();
    await table(page, 'Artifacts').getByRole('row').nth(2).waitFor();
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');

    await table(page, 'Artifacts')
      .getByRole('link', { name: `Artifact ${shortDigest(images.current.manifestDigest)}` })
      .click();
    await table(page, 'Layers').waitFor();
    await checkA11y(page, 'artifact-dark');
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: PROJECT }).click();
    await page.getByRole('tab', { name: 'Logs' }).click();
    await table(page, 'Audit log').getByRole('row').nth(1).waitFor();
    await checkA11y(page, 'logs-dark');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Projects' }).click();
    await table(page, 'Projects').getByRole('link', { name: PROJECT }).waitFor();
    await checkA11y(page, 'projects-dark');
  });

  it('lets a keyboard user skip the navigation to the page content', async () => {
    await page.goto(`${origin}/projects`);
    await table(page, 'Projects').getByRole('link', { name: PROJECT }).waitFor();
    await page.keyboard.press('Tab');
    await eventually(() => page.evaluate<string>('document.activeElement.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate<string>('document.activeElement.id')).toBe('main');
    await page.keyboard.press('Tab');
    await eventually(() => page.evaluate<string>('document.activeElement.textContent')).toContain('New project');
  });

  it('sends the user to sign in when the session expires, says so, and returns to the same page', async () => {
    await page.getByRole('link', { name: PROJECT, exact: true }).first().click();
    await page.getByRole('tab', { name: 'Members' }).click();
    await table(page, 'Members').getByRole('row').nth(1).waitFor();
    const membersUrl = page.url();

    // The server ends the session (as the idle timeout would): its Redis keys go.
    await withRedis(async (redis) => {
      const keys = await redis.keys(`${prefix}:session:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    });

    // The next request answers 401: the console says the session expired instead of failing the screen.
    await page.getByRole('tab', { name: 'Logs' }).click();
    await page.getByRole('status').filter({ hasText: 'Your session expired' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await checkA11y(page, 'session-expired');
    await signIn(page, users.alice.uid, users.alice.password);
    await table(page, 'Audit log').getByRole('row').nth(1).waitFor();
    expect(page.url()).toContain(new URL(membersUrl).pathname.replace(/members$/, 'logs'));
  });

  describe('an administrator runs Berth from the console', () => {
    let adminContext: BrowserContext;
    let admin: Page;
    const adminAuth = () => basic('admin', platform.adminPassword);
    /** Pulls payments/api:1.4.2 with the given credentials into a fresh layout, answering whether it worked. */
    const pullAs = async (username: string, password: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'berth-console-admin-pull-'));
      try {
        return await skopeo(
          'copy',
          '--src-tls-verify=false',
          '--src-creds',
          `${username}:${password}`,
          `docker://${registry}/${API_REPOSITORY}:1.4.2`,
          `oci:${dir}:pulled`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const menuAction = async (name: string, item: string) => {
      await admin.getByRole('button', { name: `Actions for ${name}` }).click();
      await admin.getByRole('menuitem', { name: item }).click();
    };

    beforeAll(async () => {
      adminContext = await newConsoleContext(browser, origin);
      admin = await adminContext.newPage();
      admin.setDefaultTimeout(SCREEN_TIMEOUT_MS);
    });

    afterAll(async () => {
      await adminContext?.close();
    });

    it('signs the administrator in with the launcher password and shows alice, onboarded from LDAP', async () => {
      await admin.goto(`${origin}/admin/users`);
      await eventually(async () => admin.url()).toContain('/sign-in');
      await signIn(admin, 'admin', platform.adminPassword);
      const accounts = table(admin, 'Users');
      await expect(row(accounts, users.alice.uid).innerText()).resolves.toMatch(/LDAP/i);
      await checkA11y(admin, 'admin-users');
      await shots.capture(admin, 'admin-users', { docs: true });
    });

    it('creates a local user that meets the password policy and makes them an administrator', async () => {
      await admin.getByRole('button', { name: 'New user' }).click();
      const dialog = admin.getByRole('dialog', { name: 'New user' });
      await dialog.getByRole('textbox', { name: /^Username/ }).fill('carol');
      await dialog.getByRole('textbox', { name: /^Email/ }).fill('carol@example.test');
      await dialog.getByLabel(/^Password/).fill('short');
      await dialog.getByLabel(/^Confirm password/).fill('short');
      await dialog.getByRole('button', { name: 'Create user' }).click();
      await dialog
        .getByText(/Use 8 to 128 characters with an upper-case letter/)
        .first()
        .waitFor();
      await checkA11y(admin, 'admin-new-user');
      await dialog.getByLabel(/^Password/).fill('Carol-2025x');
      await dialog.getByLabel(/^Confirm password/).fill('Carol-2025x');
      await dialog.getByRole('button', { name: 'Create user' }).click();
      await dialog.waitFor({ state: 'detached' });

      const accounts = table(admin, 'Users');
      await expect(row(accounts, 'carol').innerText()).resolves.toMatch(/Local/i);
      await menuAction('carol', 'Make administrator');
      const confirm = admin.getByRole('dialog', { name: 'Make carol an administrator?' });
      await confirm.getByRole('button', { name: 'Make administrator' }).click();
      await eventually(() => row(accounts, 'carol').innerText()).toMatch(/Administrator/i);
      const carol = await call('GET', '/users?q=username%3Dcarol', adminAuth());
      expect(carol.body).toEqual([expect.objectContaining({ username: 'carol', sysadmin_flag: true })]);
      // The new administrator signs in to the API with the password the policy accepted.
      expect((await call('GET', '/users/current', basic('carol', 'Carol-2025x'))).status).toBe(200);
    });

    it('lists the LDAP groups that hold project roles', async () => {
      await admin.goto(`${origin}/admin/groups`);
      const list = table(admin, 'Groups');
      await row(list, 'developers').waitFor();
      await row(list, 'guests').waitFor();
      await checkA11y(admin, 'admin-groups');
    });

    it('creates a system robot, shows its secret once, and disabling it stops its pulls', async () => {
      await admin.goto(`${origin}/admin/robots`);
      await admin.getByRole('button', { name: 'New robot account' }).click();
      const dialog = admin.getByRole('dialog', { name: 'New robot account' });
      await dialog.getByRole('textbox', { name: /^Name/ }).fill('puller');
      await dialog.getByRole('button', { name: 'Add project permissions' }).click();
      await dialog.getByRole('textbox', { name: /^Project/ }).fill(PROJECT);
      await checkA11y(admin, 'admin-new-robot');
      await dialog.getByRole('button', { name: 'Create robot' }).click();

      const robotName = 'robot$puller';
      const reveal = admin.getByRole('dialog', { name: `Robot account ${robotName} created` });
      const secret = await reveal.getByRole('textbox', { name: 'Secret' }).inputValue();
      expect(secret.length).toBeGreaterThanOrEqual(20);
      await reveal.getByRole('button', { name: 'I have stored it' }).click();
      await reveal.waitFor({ state: 'detached' });

      const robots = table(admin, 'Robot accounts');
      await expect(row(robots, robotName).innerText()).resolves.toMatch(/Enabled/i);
      await checkA11y(admin, 'admin-robots');
      const pulled = await pullAs(robotName, secret);
      expect(pulled.ok, pulled.out).toBe(true);

      await menuAction(robotName, 'Disable');
      await admin
        .getByRole('dialog', { name: /^Disable / })
        .getByRole('button', { name: 'Disable robot' })
        .click();
      await eventually(() => row(robots, robotName).innerText()).toMatch(/Disabled/i);
      expect((await pullAs(robotName, secret)).ok).toBe(false);
    });

    it("filters the audit log to alice's pushes, and the filter in the URL survives a reload", async () => {
      await admin.goto(`${origin}/admin/audit-log`);
      const log = table(admin, 'Audit log');
      await log.getByRole('row').nth(1).waitFor();
      await admin.getByRole('searchbox', { name: 'Filter by user' }).fill(users.alice.uid);
      await admin.getByRole('searchbox', { name: 'Filter by user' }).press('Enter');
      await admin.getByRole('combobox', { name: 'Operation' }).click();
      await admin.getByRole('option', { name: 'push', exact: true }).click();
      await eventually(async () => new URL(admin.url()).searchParams.get('operation')).toBe('push');
      expect(new URL(admin.url()).searchParams.get('user')).toBe(users.alice.uid);

      const cells = async (column: number) => [
        ...new Set(await log.locator(`tbody tr td:nth-child(${column})`).allInnerTexts()),
      ];
      const pushesOnly = async () => ({ users: await cells(2), operations: await cells(3) });
      await eventually(pushesOnly).toEqual({ users: [users.alice.uid], operations: ['push'] });
      await row(log, API_REPOSITORY).first().waitFor();
      await row(log, WORKER_REPOSITORY).first().waitFor();
      await checkA11y(admin, 'admin-audit-log');

      await admin.reload();
      await eventually(() => admin.getByRole('searchbox', { name: 'Filter by user' }).inputValue()).toBe(
        users.alice.uid,
      );
      await eventually(() => admin.getByRole('combobox', { name: 'Operation' }).inputValue()).toBe('push');
      await eventually(pushesOnly).toEqual({ users: [users.alice.uid], operations: ['push'] });
    });

    it("tests the LDAP connection: success with the stored settings, LDAP's refusal of a wrong password, nothing saved", async () => {
      await admin.goto(`${origin}/admin/configuration`);
      const test = admin.getByRole('button', { name: 'Test connection' });
      await test.click();
      await admin.getByText('Connection succeeded').waitFor();
      await checkA11y(admin, 'admin-configuration');

      await admin.getByLabel(/^Search password/).fill('not-the-bind-password');
      await test.click();
      await admin.getByText('Connection failed').waitFor();
      await expect(admin.getByRole('status').filter({ hasText: 'LDAP answered:' }).innerText()).resolves.toMatch(
        /credentials|refused|password/i,
      );
      await admin.getByRole('button', { name: 'Discard changes' }).click();
      await eventually(() => admin.getByLabel(/^Search password/).inputValue()).toBe('');

      // The stored bind password is untouched: a test with the stored settings still binds.
      const stored = await call('POST', '/ldap/ping', adminAuth(), {});
      expect(stored.body).toMatchObject({ success: true });
    });

    it('creates an access token that pulls with skopeo as the password, until it is revoked', async () => {
      await admin.getByRole('button', { name: 'admin, account menu' }).click();
      await admin.getByRole('menuitem', { name: 'Your account' }).click();
      await admin.getByRole('tab', { name: 'Access tokens' }).click();
      await admin.getByRole('button', { name: 'New access token' }).first().click();
      const dialog = admin.getByRole('dialog', { name: 'New access token' });
      await dialog.getByRole('textbox', { name: /^Name/ }).fill('laptop');
      await dialog.getByRole('radio', { name: 'Push and pull images' }).check();
      await checkA11y(admin, 'account-new-token');
      await dialog.getByRole('button', { name: 'Create token' }).click();

      const reveal = admin.getByRole('dialog', { name: 'Access token laptop created' });
      const token = await reveal.getByRole('textbox', { name: 'Token' }).inputValue();
      expect(token.length).toBeGreaterThanOrEqual(20);
      await reveal.getByRole('button', { name: 'I have stored it' }).click();
      await reveal.waitFor({ state: 'detached' });

      const tokens = table(admin, 'Access tokens');
      await expect(row(tokens, 'laptop').innerText()).resolves.toMatch(/Active/i);
      await checkA11y(admin, 'account-tokens');
      const pulled = await pullAs('admin', token);
      expect(pulled.ok, pulled.out).toBe(true);

      await admin.getByRole('button', { name: 'Revoke token laptop' }).click();
      await admin
        .getByRole('dialog', { name: 'Revoke token laptop?' })
        .getByRole('button', { name: 'Revoke token' })
        .click();
      await eventually(() => row(tokens, 'laptop').innerText()).toMatch(/Revoked/i);
      expect((await pullAs('admin', token)).ok).toBe(false);
    });

    it('keeps the account page and the users list readable in the dark theme', async () => {
      await admin.getByRole('tab', { name: 'Profile' }).click();
      await admin.getByText('System administrator').first().waitFor();
      await checkA11y(admin, 'account');
      await admin.getByRole('button', { name: 'Colour theme' }).click();
      await admin.getByRole('menuitem', { name: 'Dark' }).click();
      await eventually(() => admin.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
      await checkA11y(admin, 'account-dark');
      await admin.goto(`${origin}/admin/users`);
      await row(table(admin, 'Users'), users.alice.uid).waitFor();
      await checkA11y(admin, 'admin-users-dark');
    });
  });
});
