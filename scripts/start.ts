/**
 * `npm start`: the reference backend (embedded PGlite, seeded) plus the demo
 * page on Vite's dev server. Ctrl+C stops both.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'vite';

const apiPort = Number(process.env.PORT ?? 8787);
const api = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: String(apiPort) },
});
api.on('exit', (code) => {
  if (code) {
    console.error(`The reference backend stopped (exit ${code}). Is port ${apiPort} already in use? Set PORT=… to choose another.`);
    process.exit(code);
  }
});

const vite = await createServer({ configFile: 'vite.config.ts', server: { open: false } });
await vite.listen();
const url = `http://127.0.0.1:${vite.config.server.port}/demo/`;
console.log(`\n  Mobilise demo:      ${url}\n  Reference backend:  http://127.0.0.1:${apiPort}/v1/modules\n`);

const stop = () => {
  api.kill('SIGTERM');
  void vite.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
