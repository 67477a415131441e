/** web-test-runner launchers for the engines in scripts/engines.mjs. */
import { chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { puppeteerOptions, setWebKitViewport, startWebKitDriver, webkitCapabilities } from './engines.mjs';

/** WebdriverLauncher that starts (and ends) its own WebKitWebDriver under Xvfb. */
class WebKitLauncher extends WebdriverLauncher {
  constructor() {
    super({ capabilities: webkitCapabilities(), hostname: '127.0.0.1', port: 0, logLevel: 'error' });
  }
  async initialize(config) {
    await super.initialize(config);
    this.name = 'WebKit';
    this.webkitDriver = await startWebKitDriver();
    this.options.port = this.webkitDriver.port;
  }
  async stop() {
    await super.stop();
    this.webkitDriver?.stop();
  }
  setViewport(width, height) {
    return setWebKitViewport(this.driver, width, height);
  }
}

export function wtrBrowsers(engines) {
  return engines.map((engine) => {
    if (engine === 'webkit') return new WebKitLauncher();
    // A puppeteer instance of our own: the launcher then honours `browser: 'firefox'` (and names the engine).
    return chromeLauncher({ puppeteer, launchOptions: puppeteerOptions(engine) });
  });
}
