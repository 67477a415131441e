import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * Library build: one self-contained ES module per entry (lit bundled in), so a
 * CLP page needs nothing but a script tag. Shared code lands in shared chunks.
 * The dev server (npm start) serves demo/ against the reference backend.
 */
export default defineConfig({
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: 'oxc',
    lib: {
      entry: {
        mobilise: resolve(root, 'src/mobilise.ts'),
        provider: resolve(root, 'src/context/define.ts'),
        'module-catalogue': resolve(root, 'src/elements/module-catalogue/define.ts'),
        'session-calendar': resolve(root, 'src/elements/session-calendar/define.ts'),
        'signup-form': resolve(root, 'src/elements/signup-form/define.ts'),
        contract: resolve(root, 'src/contract/index.ts'),
        index: resolve(root, 'src/index.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // Vite keeps whitespace in ES library builds; a script-tag bundle wants it all minified.
      output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true },
    },
  },
});
