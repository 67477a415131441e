/**
 * End-to-end pages in every engine behind one small interface: Chromium and
 * Firefox ESR through puppeteer-core, WebKitGTK through WebDriver (webdriverio
 * against WebKitWebDriver under Xvfb). The tests only evaluate scripts, wait for
 * conditions and press keys, which all three drivers can do alike.
 * ENGINES=chromium,firefox,webkit (default all) picks the engines.
 */
import { writeFileSync } from 'node:fs';
import { after, before } from 'node:test';
import puppeteer, { type Browser, type KeyInput, type Page } from 'puppeteer-core';
import { remote } from 'webdriverio';
import { puppeteerOptions, selectedEngines, setWebKitViewport, startWebKitDriver, webkitCapabilities, type Engine } from '../../scripts/engines.mjs';
import { startE2eServer, type E2eServer } from './e2e-site.js';

export type { Engine };
export const e2eEngines = (): Engine[] => selectedEngines();

/** The keys the tests press, by their puppeteer names. */
export type Key = 'Tab' | 'Enter' | 'Space' | 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Escape' | 'Backspace';

export interface PageOptions {
  width?: number;
  height?: number;
}

export interface E2ePage {
  readonly engine: Engine;
  goto(url: string): Promise<void>;
  evaluate<A extends unknown[], T>(fn: (...args: A) => T, ...args: A): Promise<Awaited<T>>;
  /** Resolves once `fn` returns truthy in the page; fails naming `what` after `timeoutMs`. */
  waitFor<A extends unknown[]>(what: string, timeoutMs: number, fn: (...args: A) => unknown, ...args: A): Promise<void>;
  press(key: Key): Promise<void>;
  type(text: string): Promise<void>;
  /** Uncaught errors and console errors so far. */
  problems(): Promise<string[]>;
  /** CSP violations so far (needs the server's probe: startE2eServer({ probe: true })). */
  cspViolations(): Promise<string[]>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface E2eBrowser {
  readonly engine: Engine;
  newPage(options?: PageOptions): Promise<E2ePage>;
  close(): Promise<void>;
}

/** What the server's probe script recorded in the page. */
const probe = (k: 'csp' | 'problems'): string[] => (window as unknown as { __e2e?: Record<string, string[]> }).__e2e?.[k] ?? [];

/**
 * For a node:test suite: the e2e site (with its probe) and the engine's browser,
 * started before the suite's tests and closed after them.
 */
export function engineSite(engine: Engine, options: { csp?: string } = {}): { site: E2eServer; browser: E2eBrowser } {
  const it = {} as { site: E2eServer; browser: E2eBrowser };
  before(async () => {
    it.site = await startE2eServer({ ...options, probe: true });
    it.browser = await launchEngine(engine);
  });
  after(async () => {
    await it.browser?.close();
    await it.site?.close();
  });
  return it;
}

export async function launchEngine(engine: Engine): Promise<E2eBrowser> {
  return engine === 'webkit' ? launchWebKit() : launchPuppeteer(engine);
}

async function launchPuppeteer(engine: Engine): Promise<E2eBrowser> {
  const options = puppeteerOptions(engine);
  // Firefox over BiDi cannot emulate media features, so its profile prefers reduced motion outright, as Chromium's pages emulate.
  if (engine === 'firefox') options.extraPrefsFirefox = { ...options.extraPrefsFirefox, 'ui.prefersReducedMotion': 1 };
  const browser: Browser = await puppeteer.launch(options);
  return {
    engine,
    async newPage({ width = 1100, height = 900 } = {}) {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      if (engine === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      await page.setViewport({ width, height });
      return puppeteerPage(engine, page, problems);
    },
    close: () => browser.close(),
  };
}

function puppeteerPage(engine: Engine, page: Page, problems: string[]): E2ePage {
  return {
    engine,
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, ...args) => page.evaluate(fn as never, ...(args as unknown as never[])) as never,
    async waitFor(what, timeoutMs, fn, ...args) {
      await page.waitForFunction(fn as never, { timeout: timeoutMs, polling: 50 }, ...(args as unknown as never[])).catch((e: Error) => {
        throw new Error(`${engine}: ${what} did not happen within ${timeoutMs} ms (${e.message})`);
      });
    },
    // ' ' rather than 'Space': puppeteer's Firefox (BiDi) keyboard knows only the former.
    press: (key) => page.keyboard.press(key === 'Space' ? ' ' : (key as KeyInput)),
    type: (text) => page.keyboard.type(text),
    problems: async () => [...problems],
    cspViolations: () => page.evaluate(probe, 'csp' as const),
    screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
    close: () => page.close(),
  };
}

/** WebDriver key codes (WebDriver spec, "keyboard actions"). */
const WEBDRIVER_KEYS: Record<Key, string> = {
  Tab: '\uE004',
  Enter: '\uE007',
  Space: '\uE00D',
  ArrowUp: '\uE013',
  ArrowDown: '\uE015',
  ArrowLeft: '\uE012',
  ArrowRight: '\uE014',
  Escape: '\uE00C',
  Backspace: '\uE003',
};

/**
 * WebKitGTK's driver now and then never answers a new session on a loaded machine (the request times out
 * with UND_ERR_HEADERS_TIMEOUT after two minutes, failing a test that has not started): ask again after 40 s,
 * up to three times. Only the session's start is retried; nothing a test checks is.
 */
async function newWebKitSession(port: number): Promise<WebdriverIO.Browser> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await remote({ hostname: '127.0.0.1', port, capabilities: webkitCapabilities(), logLevel: 'error', connectionRetryTimeout: 40_000, connectionRetryCount: 0 });
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

async function launchWebKit(): Promise<E2eBrowser> {
  const driver = await startWebKitDriver();
  const sessions = new Set<WebdriverIO.Browser>();
  return {
    engine: 'webkit',
    async newPage({ width = 1100, height = 900 } = {}) {
      // One WebDriver session (one MiniBrowser window) per page.
      const wd = await newWebKitSession(driver.port);
      sessions.add(wd);
      const page = webdriverPage(wd, () => sessions.delete(wd));
      await page.goto('about:blank');
      await setWebKitViewport(wd, width, height);
      return page;
    },
    async close() {
      await Promise.allSettled([...sessions].map((s) => s.deleteSession()));
      driver.stop();
    },
  };
}

function webdriverPage(wd: WebdriverIO.Browser, forget: () => void): E2ePage {
  // Run a page function from its source: tsx's __name helper must exist where it runs.
  const run = <T>(fn: (...args: never[]) => unknown, args: unknown[]) =>
    wd.execute(`const __name = (f) => f; return (${fn.toString()}).apply(null, arguments);`, ...args) as Promise<T>;
  const keys = (values: string[]) =>
    wd.performActions([{ type: 'key', id: 'keyboard', actions: values.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]) }]);
  return {
    engine: 'webkit',
    goto: (url) => wd.url(url).then(() => undefined),
    evaluate: (fn, ...args) => run(fn as never, args),
    async waitFor(what, timeoutMs, fn, ...args) {
      const deadline = Date.now() + timeoutMs;
      while (!(await run<unknown>(fn as never, args))) {
        if (Date.now() > deadline) throw new Error(`webkit: ${what} did not happen within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    press: (key) => keys([WEBDRIVER_KEYS[key]]),
    type: (text) => keys([...text]),
    problems: () => run<string[]>(probe as never, ['problems']),
    cspViolations: () => run<string[]>(probe as never, ['csp']),
    screenshot: async (path) => writeFileSync(path, Buffer.from(await wd.takeScreenshot(), 'base64')),
    async close() {
      forget();
      await wd.deleteSession();
    },
  };
}

export interface E2eMember {
  firstName: string;
  lastName: string;
  email: string;
}

/**
 * Fills the open signup form as a member would (through its shadow root, since a WebDriver
 * click cannot reach into one in WebKit) and submits it. Returns the page's fragment then.
 */
export const submitSignup = (page: E2ePage, member: E2eMember) =>
  page.evaluate((m: E2eMember) => {
    const root = document.querySelector('mobilise-signup-form')!.shadowRoot!;
    const set = (name: string, value: string) => {
      const el = root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    set('firstName', m.firstName);
    set('lastName', m.lastName);
    set('email', m.email);
    set('postcode', 'G12 8QQ');
    root.querySelector<HTMLInputElement>('[name="membership"][value="member"]')!.click();
    root.querySelector<HTMLInputElement>('[name="consentContact"]')!.click();
    root.querySelector('form')!.requestSubmit();
    return new URL(location.href).hash;
  }, member);
