import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { selectedEngines } from './scripts/engines.mjs';
import { wtrBrowsers } from './scripts/wtr-browsers.mjs';
import { hangWatchPlugin, hangWatchReporter } from './scripts/wtr-hang-watch.mjs';
import { viewportPlugin } from './scripts/wtr-viewport.mjs';
import { defaultReporter } from '@web/test-runner';

const engines = selectedEngines();
const browsers = wtrBrowsers(engines);
// The fuzz file runs ~840 generated cases: ~50 s in Chromium or Firefox, and in WebKitGTK on
// 2 cores far longer. Its targets are our own parsing and
// rendering logic, which the other two engines cover; every other file runs in all three.
const FUZZ = 'test/fuzz.test.ts';
const fuzzBrowsers = browsers.filter((_, i) => engines[i] !== 'webkit');
// `--files` picks files for every engine; a group of our own would run the fuzz file besides.
const picked = process.argv.some((a) => a === '--files' || a.startsWith('--files='));

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**', '!test/node/**', ...(picked ? [] : [`!${FUZZ}`])],
  groups: picked || fuzzBrowsers.length === 0 ? [] : [{ name: 'fuzz', files: FUZZ, browsers: fuzzBrowsers }],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [
    hangWatchPlugin,
    viewportPlugin,
    // a11ySnapshot(): the browser's accessibility tree, which sees what axe does not (not rendered, unnamed).
    a11ySnapshotPlugin(),
    // The browser's contract runtime, as in the published bundle (vite.config.ts `zodLite`).
    { name: 'zod-lite', resolveImport: ({ source }) => (source === 'zod/mini' ? '/src/contract/zod-lite.ts' : undefined) },
    esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.json', import.meta.url).pathname, target: 'es2022' }),
  ],
  // Chromium, Firefox ESR and WebKitGTK (ENGINES=… for a subset), side by side: each runs its own files.
  browsers,
  // One tab at a time per browser: Chromium throttles animation frames and dialog events in background tabs.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // fail-fast.ts first: assertion failures must never carry DOM nodes to the runner (they froze the page).
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><body><script type="module" src="/test/helpers/fail-fast.ts"></script><script type="module" src="${testFramework}"></script></body></html>`,
  // Files take seconds (the fuzz file ~50 s with three engines sharing 2 cores); one still running after
  // 150 s has hung, and fails naming the test it hung in (hangWatchReporter) instead of waiting 5 minutes.
  testsFinishTimeout: 150000,
  reporters: [defaultReporter(), hangWatchReporter],
};
