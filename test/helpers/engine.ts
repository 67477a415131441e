/**
 * Which engine a browser test runs in (web-test-runner runs every file in
 * Chromium, Firefox and WebKit), and the test-runner commands that only
 * Chromium's driver has. A test checks `canUse` before such a command; elsewhere
 * that part is skipped and the run's browser log says what was skipped and why.
 */
export type Engine = 'chromium' | 'firefox' | 'webkit';

const ua = navigator.userAgent;
export const engine: Engine = /Firefox\//.test(ua) ? 'firefox' : /Chrome\//.test(ua) ? 'chromium' : 'webkit';

const CHROMIUM_ONLY = {
  a11ySnapshot: 'reads the accessibility tree over the DevTools protocol, which Firefox (WebDriver BiDi) and WebKit (WebDriver) do not offer',
  emulateMedia: 'emulates media features over the DevTools protocol, which Firefox (WebDriver BiDi) and WebKit (WebDriver) do not offer',
} as const;

/** True in Chromium; elsewhere logs `[skipped in <engine>] <what>: <reason>` and returns false. */
export function canUse(command: keyof typeof CHROMIUM_ONLY, what: string): boolean {
  if (engine === 'chromium') return true;
  console.warn(`[skipped in ${engine}] ${what}: ${command}() ${CHROMIUM_ONLY[command]}`);
  return false;
}
