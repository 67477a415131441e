/** One bench page load in headless Chromium, and the marks bench/pages/probe.js takes inside it. */
import type { Browser, Page } from 'puppeteer-core';

declare global {
  interface Window {
    __bench: {
      catalogue?: number;
      calendar?: number;
      /** After the frame that first shows the card / the session. */
      cataloguePainted?: number;
      calendarPainted?: number;
      shifts: { value: number; time: number; input: boolean }[];
    };
  }
}

/** A fresh browser context (cold cache, no storage) per page load. */
export async function withPage<T>(browser: Browser, cpuSlowdown: number, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    // tsx keeps function names through a __name helper that page.evaluate callbacks then reference.
    await page.evaluateOnNewDocument('window.__name = (f) => f');
    await page.setCacheEnabled(false);
    await page.setViewport({ width: 1100, height: 900 });
    if (cpuSlowdown !== 1) await page.emulateCPUThrottling(cpuSlowdown);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const value = await fn(page);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return value;
  } finally {
    await context.close();
  }
}

export interface PageMarks {
  /** The request for dist/mobilise.js. */
  script: number;
  /** The end of the last data response: /v1/modules and /v1/sessions, or the static JSON file (not the JSON-LD, asked for after). */
  data: number;
  catalogue: number;
  calendar: number;
  cataloguePainted: number;
  calendarPainted: number;
}

/** The probe's marks and the Resource Timing ones, all ms since navigation start. */
export async function pageMarks(page: Page): Promise<PageMarks> {
  return page.evaluate(() => {
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const script = resources.find((e) => new URL(e.name).pathname === '/dist/mobilise.js');
    if (!script) throw new Error('no resource timing entry for /dist/mobilise.js');
    const data = resources.filter((e) => /^\/v1\/(modules|sessions)$|\.json$/.test(new URL(e.name).pathname));
    if (!data.length) throw new Error('no resource timing entry for the data');
    return {
      script: script.startTime,
      data: Math.max(...data.map((e) => e.responseEnd)),
      catalogue: window.__bench.catalogue ?? NaN,
      calendar: window.__bench.calendar ?? NaN,
      cataloguePainted: window.__bench.cataloguePainted ?? NaN,
      calendarPainted: window.__bench.calendarPainted ?? NaN,
    };
  });
}
