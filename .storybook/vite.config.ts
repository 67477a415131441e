import { defineConfig } from 'vite';
import { zodLite } from '../vite.config.ts';

// Stories run the browser's contract runtime, as the published bundle does.
export default defineConfig({ resolve: { alias: zodLite } });
