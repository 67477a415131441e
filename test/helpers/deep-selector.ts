import type { ElementHandle, Frame, Page } from 'puppeteer-core';

/**
 * Waits for a selector that may cross shadow roots (`host >>> inner`). Puppeteer's own
 * `waitForSelector` watches such a selector with a MutationObserver on the document, which never
 * sees a change inside a shadow root: it finds what is there at once, or only after some
 * unrelated light-DOM change. A view that renders a moment later timed out on a slow machine.
 * This asks again every 50 ms instead.
 */
export async function waitForDeep(page: Page | Frame, selector: string, timeout = 15_000): Promise<ElementHandle<Element>> {
  const until = Date.now() + timeout;
  for (;;) {
    const found = await page.$(selector);
    if (found) return found;
    if (Date.now() > until) throw new Error(`Waiting for selector \`${selector}\` failed: nothing matched within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
