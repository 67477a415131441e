import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: {
    name: '@storybook/web-components-vite',
    // The library build config (build.lib) must not leak into Storybook's app build.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  // mockServiceWorker.js: the backend is mocked at the network level, so stories run the real client.
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
};
export default config;
