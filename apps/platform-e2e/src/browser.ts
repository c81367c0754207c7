import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ROOT } from './launcher';

/** Debian's Chromium; the suites never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for Debian's Chromium as root on a machine without a network or a GPU. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
];

/** The viewport of every page and screenshot: the commonest laptop screen. */
export const VIEWPORT = { width: 1366, height: 768 };

/** The axe rule tags checked: WCAG 2.1 A and AA. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The impacts that fail a screen's accessibility check. */
const BLOCKING_IMPACTS: readonly string[] = ['serious', 'critical'];

/** Starts Debian's Chromium headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Opens a fresh browser profile for one person on the console: 1366×768, English dates in UTC, the given colour
 * scheme, and clipboard access for the console's origin so copy buttons can be checked.
 */
export async function newConsoleContext(
  browser: Browser,
  origin: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'en-GB',
    timezoneId: 'UTC',
    colorScheme,
    reducedMotion: 'reduce',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  return context;
}

/** Moves the pointer away and waits for its tooltips to close: the screen at rest, not the last hover. */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForFunction('!document.querySelector(\'[role="tooltip"]\')');
}

/** One axe violation, as the suite reports it. */
export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** What axe found on one screen. */
export interface A11yReport {
  screen: string;
  /** Violations of every impact, so minor and moderate ones can be reported without failing. */
  violations: A11yViolation[];
}

/** Runs axe (WCAG 2.1 A and AA) on the page as it is now and answers every violation found. */
export async function auditA11y(page: Page, screen: string): Promise<A11yReport> {
  await settle(page);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return {
    screen,
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((node) => node.target.join(' ')),
    })),
  };
}

/** Picks the violations that fail a screen: serious and critical ones. */
export function blocking(report: A11yReport): A11yViolation[] {
  return report.violations.filter((v) => BLOCKING_IMPACTS.includes(v.impact));
}

/** Hides toasts, so screenshots show the screen and not what just happened. */
const SCREENSHOT_CSS = '.mantine-Notifications-root { display: none !important; }';

/**
 * Writes screenshots of the main screens: every one into `tempDir` (emptied first), and those meant for the README
 * also into `BERTH_SCREENSHOTS_DIR` (relative to the workspace root) when it is set, which is how `docs/screenshots`
 * is refreshed.
 */
export class ScreenshotWriter {
  private readonly docsDir: string | undefined;

  constructor(
    private readonly tempDir: string,
    docsDir = process.env['BERTH_SCREENSHOTS_DIR'],
  ) {
    rmSync(tempDir, { recursive: true, force: true });
    mkdirSync(tempDir, { recursive: true });
    this.docsDir = docsDir ? (isAbsolute(docsDir) ? docsDir : join(ROOT, docsDir)) : undefined;
    if (this.docsDir) mkdirSync(this.docsDir, { recursive: true });
  }

  /** Saves the viewport as `<name>.png`, at rest and without toasts; `docs` also saves it for the README. */
  async capture(page: Page, name: string, { docs = false }: { docs?: boolean } = {}): Promise<void> {
    await settle(page);
    const style = await page.addStyleTag({ content: SCREENSHOT_CSS });
    try {
      const dirs = [this.tempDir, ...(docs && this.docsDir ? [this.docsDir] : [])];
      for (const dir of dirs) {
        await page.screenshot({ path: join(dir, `${name}.png`), animations: 'disabled', caret: 'hide' });
      }
    } finally {
      await style.evaluate((node) => node.remove());
    }
  }
}
