import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium-path.mjs';
import { hangWatchPlugin, hangWatchReporter } from './scripts/wtr-hang-watch.mjs';
import { defaultReporter } from '@web/test-runner';

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**', '!test/node/**'],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [
    hangWatchPlugin,
    // The browser's contract runtime, as in the published bundle (vite.config.ts `zodLite`).
    { name: 'zod-lite', resolveImport: ({ source }) => (source === 'zod/mini' ? '/src/contract/zod-lite.ts' : undefined) },
    esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.json', import.meta.url).pathname, target: 'es2022' }),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs, headless: true } })],
  // One tab at a time: Chromium throttles animation frames and dialog events in background tabs.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // fail-fast.ts first: assertion failures must never carry DOM nodes to the runner (they froze the page).
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><body><script type="module" src="/test/helpers/fail-fast.ts"></script><script type="module" src="${testFramework}"></script></body></html>`,
  // A file takes seconds; one that has not finished in a minute has hung (its test is named by hangWatchReporter).
  testsFinishTimeout: 60000,
  reporters: [defaultReporter(), hangWatchReporter],
};
