/**
 * Set the page's viewport in any engine (scripts/wtr-viewport.mjs). Use this, not
 * @web/test-runner-commands' setViewport, which refuses WebKit's WebDriver browser.
 * WebKitGTK's window is at least 447 px wide: narrower sizes fail there by name.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export const setViewport = (viewport: { width: number; height: number }) => executeServerCommand('mobilise-viewport', viewport);
