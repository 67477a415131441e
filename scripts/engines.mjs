/**
 * The three browser engines the tests run in, all from Debian packages (nothing
 * here downloads a browser or a driver): Chromium and Firefox ESR through
 * puppeteer-core (Firefox over WebDriver BiDi), WebKitGTK's MiniBrowser through
 * WebKitWebDriver under a virtual X display (MiniBrowser has no headless mode).
 * ENGINES=chromium,firefox picks a subset; the default is all three.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromiumArgs, chromiumPath } from './chromium-path.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** The engines asked for (ENGINES=… or all), in a stable order. */
export function selectedEngines(env = process.env.ENGINES) {
  if (!env) return ENGINES;
  const asked = env.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
  const unknown = asked.filter((e) => !ENGINES.includes(e));
  if (unknown.length) throw new Error(`ENGINES: unknown ${unknown.join(', ')} (known: ${ENGINES.join(', ')})`);
  return ENGINES.filter((e) => asked.includes(e));
}

export const firefoxPath = () => [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
export const webkitDriverPath = () => [process.env.WEBKIT_DRIVER_PATH, '/usr/bin/WebKitWebDriver'].find((p) => p && existsSync(p));
export const miniBrowserPath = () =>
  [process.env.MINIBROWSER_PATH, '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser'].find(
    (p) => p && existsSync(p),
  );

/** Which Debian package each engine needs, when its binary is missing. */
export function missingPackages(engines = selectedEngines()) {
  const need = [];
  if (engines.includes('chromium') && !chromiumPath()) need.push('chromium');
  if (engines.includes('firefox') && !firefoxPath()) need.push('firefox-esr');
  if (engines.includes('webkit')) {
    if (!webkitDriverPath() || !miniBrowserPath()) need.push('webkit2gtk-driver');
    if (!existsSync('/usr/bin/xvfb-run')) need.push('xvfb', 'xauth');
  }
  return need;
}

/** puppeteer-core launch options for Chromium or Firefox ESR. */
export function puppeteerOptions(engine) {
  if (engine === 'chromium') return { browser: 'chrome', executablePath: chromiumPath(), args: chromiumArgs, headless: true };
  if (engine === 'firefox') {
    return {
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      // Loopback only: no update checks, telemetry or captive-portal probes.
      extraPrefsFirefox: {
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'app.update.enabled': false,
        'toolkit.telemetry.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
      },
    };
  }
  throw new Error(`${engine} is not driven by puppeteer`);
}

/** A free loopback port for WebKitWebDriver. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForDriver(port, child, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeoutMs} ms`);
}

/**
 * WebKitWebDriver under `xvfb-run -a` (its own display), on a free port. The
 * driver starts MiniBrowser per session. Resolves to { port, stop() }.
 */
export async function startWebKitDriver() {
  const driver = webkitDriverPath();
  if (!driver || !miniBrowserPath()) throw new Error('WebKitGTK not found: apt-get install -y webkit2gtk-driver xvfb xauth');
  const port = await freePort();
  // detached: its own process group, so stop() ends xvfb-run, Xvfb, the driver and MiniBrowser together.
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', driver, `--port=${port}`], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
  const stop = () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', stop);
  try {
    await waitForDriver(port, child);
  } catch (error) {
    stop();
    throw new Error(`${error.message}\n${stderr}`);
  }
  return { port, stop };
}

/** WebDriver capabilities for MiniBrowser (needs --automation; it refuses --headless). */
export function webkitCapabilities() {
  return {
    browserName: 'MiniBrowser',
    // Classic WebDriver: WebKitWebDriver 2.50 refuses webdriverio's default BiDi request (webSocketUrl).
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': {
      binary: miniBrowserPath(),
      args: ['--automation'],
    },
  };
}

const MINIBROWSER_MIN_WIDTH = 447;
const frames = new WeakMap();

/**
 * Size a WebDriver-driven MiniBrowser so its page's viewport is width × height.
 * The window size includes MiniBrowser's frame (its toolbar), and the page sees a
 * resize a moment after WebDriver answers: measure the frame once per session,
 * then wait until the viewport is exact.
 */
export async function setWebKitViewport(driver, width, height) {
  if (width < MINIBROWSER_MIN_WIDTH) {
    throw new Error(`WebKitGTK's MiniBrowser window cannot be narrower than ${MINIBROWSER_MIN_WIDTH} px (asked ${width}): test narrow layouts with a narrow container instead`);
  }
  if (!frames.has(driver)) {
    await driver.setWindowSize(width, height);
    // The frame is a few dozen px at most: a reading outside that is the size from before the resize.
    const [w, h] = await viewportWhen(driver, ([w, h]) => width - w >= 0 && width - w < 100 && height - h >= 0 && height - h < 100);
    frames.set(driver, [width - w, height - h]);
  }
  const [fw, fh] = frames.get(driver);
  await driver.setWindowSize(width + fw, height + fh);
  await viewportWhen(driver, ([w, h]) => w === width && h === height);
}

async function viewportWhen(driver, ok, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const size = await driver.execute(() => [innerWidth, innerHeight]);
    if (ok(size)) return size;
    if (Date.now() > deadline) throw new Error(`WebKit's viewport stayed ${size.join('×')} after a window resize`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
