/**
 * Browser tests' world: the real app (createApp over an in-memory PGlite, offline guide) serving the
 * built web/dist on 127.0.0.1, and Debian's Chromium driven by playwright-core. Console errors and
 * uncaught page errors are collected so a test can assert the page stayed clean.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { openDatabase, type Database } from '../../db/client.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_DIST = path.join(ROOT, 'web', 'dist');
export const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');

/** Why browser tests cannot run here, or null when they can. */
export function browserSkipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium)`;
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) return 'browser tests skipped: web/dist is not built (npx vite build --config web/vite.config.ts)';
  return null;
}

/**
 * A test's stand-in for an unreachable server: a response for the requests it takes, before the
 * app sees them (undefined passes a request on). Unlike the browser's offline emulation and
 * page routes, it holds for every request that arrives, however the page sent it: Chromium lets
 * a service-worker-controlled page's requests past both while a reloaded document starts.
 */
export type Intercept = (req: Request) => Response | undefined;

export interface RunningApp {
  url: string;
  db: Database;
  close(): Promise<void>;
}

/**
 * Start the real app over a fresh in-memory journal, on a free port: offline by default, or with
 * `env` (e.g. OPENAI_BASE_URL of an HTTP test double) to exercise the LLM path.
 */
export async function startApp(env: Record<string, string> = { INNERCHORD_OFFLINE: '1' }, intercept?: Intercept): Promise<RunningApp> {
  const db = await openDatabase();
  const config = loadConfig({ INNERCHORD_LOG: 'silent', ...env });
  const app = createApp({ db, config, log: createLogger('silent') }, { webDist: WEB_DIST });
  const fetch: typeof app.fetch = intercept ? (req, ...rest) => intercept(req) ?? app.fetch(req, ...rest) : app.fetch;
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

/**
 * One app and one Chromium for a describe block: started in beforeAll, closed in afterAll. Read
 * `world.app` and `world.browser` inside the tests.
 */
export function appAndBrowser(env?: Record<string, string>, intercept?: Intercept): { app: RunningApp; browser: Browser } {
  const world = {} as { app: RunningApp; browser: Browser };
  beforeAll(async () => {
    world.app = await startApp(env, intercept);
    world.browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await world.browser?.close();
    await world.app?.close();
  });
  return world;
}

/** Launch headless Chromium with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/** A new context + page that records console errors; `options` sets viewport, colour scheme … */
export async function openPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  // Name, message and where it was thrown: a DOMException from Web Audio often has no message at all.
  page.on('pageerror', (err) => errors.push(`page: ${err.name}: ${err.message} ${(err.stack ?? '').split('\n').slice(1, 4).join(' | ')}`));
  await page.goto(url);
  return { context, page, errors };
}

/** Save a full-page screenshot to test/artifacts/<name>.png and return its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Wait until the guide has answered: no "thinking…", nothing streaming. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.thinking') && !document.querySelector('.msg[aria-busy="true"]'));
}

/** Type an answer into the composer, send it with Enter, and wait for the guide's reply. */
export async function say(page: Page, text: string): Promise<void> {
  // The local opening question (li.opening) is not a stored reply, so it does not count.
  const replies = 'li:not(.opening) > .msg[data-role="assistant"]';
  const before = await page.locator(replies).count();
  // By id, not by its label: the label is in the page's language, which follows the browser's.
  await page.locator('#composer').fill(text);
  await page.keyboard.press('Enter');
  // A generous ceiling: on a busy two-core machine a turn can queue behind other tests' work.
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length > (n as number), [replies, before] as const, { timeout: 60_000 });
  await settled(page);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Load axe-core into the page. Through the DevTools protocol rather than a <script> tag: the app's
 * Content-Security-Policy (rightly) refuses inline scripts, and a test must not loosen it.
 */
export async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  const source = readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(source);
}

/**
 * Run axe-core on the page, or only inside `scope` (a CSS selector); returns the serious and
 * critical violations, one line each.
 */
export async function axeViolations(page: Page, scope?: string): Promise<string[]> {
  await injectAxe(page);
  const violations = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: Document | string, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(sel ?? document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, scope ?? null);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
}
