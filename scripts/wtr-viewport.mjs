/**
 * `mobilise-viewport` server command (test/helpers/viewport.ts): sets the page's
 * viewport in every engine. @web/test-runner's own set-viewport refuses WebDriver
 * browsers, so WebKit resizes its window instead (scripts/wtr-browsers.mjs).
 */
export const viewportPlugin = {
  name: 'mobilise-viewport',
  async executeCommand({ command, payload, session }) {
    if (command !== 'mobilise-viewport') return undefined;
    const { width, height } = payload;
    if (session.browser.type === 'puppeteer') await session.browser.getPage(session.id).setViewport({ width, height });
    else await session.browser.setViewport(width, height);
    return true;
  },
};
