import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { initialize, mswLoader } from 'msw-storybook-addon';
import customElements from '../custom-elements.json';
import '../src/mobilise.js';

setCustomElementsManifest(customElements);
initialize({ onUnhandledRequest: 'bypass', quiet: true });

const preview: Preview = {
  loaders: [mswLoader],
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    viewport: {
      options: {
        narrow: { name: 'Phone 320', styles: { width: '320px', height: '640px' } },
      },
    },
  },
};
export default preview;
