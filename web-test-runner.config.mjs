import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium-path.mjs';

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**', '!test/node/**'],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [
    // The browser's contract runtime, as in the published bundle (vite.config.ts `zodLite`).
    { name: 'zod-lite', resolveImport: ({ source }) => (source === 'zod/mini' ? '/src/contract/zod-lite.ts' : undefined) },
    esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.json', import.meta.url).pathname, target: 'es2022' }),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs, headless: true } })],
  // One tab at a time: Chromium throttles animation frames and dialog events in background tabs.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
};
