/**
 * Layout shift on the demo page (demo/index.html, the built embed in place of the dev server's
 * source): every 'layout-shift' entry without recent input (Layout Instability API, recorded by
 * bench/pages/probe.js from the start), summed while loading and while scrolling to the bottom,
 * with the page's height before and after the scroll.
 */
import type { Page } from 'puppeteer-core';

export interface LayoutShift {
  /** Sum of the shifts from navigation until the widgets have settled. */
  loading: number;
  /** Sum of the shifts while scrolling to the bottom of the page, a screen at a time. */
  scrolling: number;
  heightLoaded: number;
  heightScrolled: number;
}

/** Loads `url` in `page` (viewport already set) and scrolls it to the bottom. */
export async function measureLayoutShift(page: Page, url: string): Promise<LayoutShift> {
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await page.waitForFunction(() => window.__bench.catalogue !== undefined && window.__bench.calendar !== undefined, { timeout: 30_000 });
  return page.evaluate(async () => {
    const frames = (n: number) => new Promise<void>((resolve) => {
      const step = () => (n-- > 0 ? requestAnimationFrame(step) : resolve());
      step();
    });
    const sum = (from: number) => window.__bench.shifts.filter((s) => !s.input && s.time >= from).reduce((t, s) => t + s.value, 0);
    // Settled: what loads after the first content (the JSON-LD, the form's session list) has had its turn.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await frames(2);
    const heightLoaded = document.documentElement.scrollHeight;
    const scrollStart = performance.now();
    const loading = sum(0);
    for (let i = 0; i < 200 && scrollY + innerHeight < document.documentElement.scrollHeight - 1; i++) {
      scrollBy(0, innerHeight * 0.8);
      await frames(3);
    }
    await frames(2);
    return { loading, scrolling: sum(scrollStart), heightLoaded, heightScrolled: document.documentElement.scrollHeight };
  });
}
