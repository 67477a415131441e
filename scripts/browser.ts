/** Launch Debian's Chromium headless via puppeteer-core (never a downloaded browser). */
import puppeteer from 'puppeteer-core';
// @ts-expect-error plain .mjs helper shared with the web-test-runner config
import { chromiumArgs, chromiumPath } from './chromium-path.mjs';

export async function launchChromium() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium, or set CHROME_PATH');
  return puppeteer.launch({ executablePath, args: chromiumArgs, headless: true });
}
