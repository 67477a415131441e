import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { initialize, mswLoader } from 'msw-storybook-addon';
import customElements from '../custom-elements.json';
import '../src/mobilise.js';
import { apiArgTypes, apiDescription, documentationOnly } from '../stories/support/api.js';
import { globalTypes, initialGlobals, viewports, withToolbar } from '../stories/support/toolbar.js';
import ElementDocs from './element-docs.mdx';

setCustomElementsManifest(customElements);
initialize({ onUnhandledRequest: 'bypass', quiet: true });

const preview: Preview = {
  loaders: [mswLoader],
  tags: ['autodocs'],
  decorators: [withToolbar],
  globalTypes,
  initialGlobals,
  parameters: {
    // Controls: what a story can change (attributes, theme tokens); the Docs page's API tables list the rest.
    controls: { expanded: true, exclude: documentationOnly },
    viewport: { options: viewports },
    docs: { page: ElementDocs, extractArgTypes: apiArgTypes, extractComponentDescription: apiDescription },
    a11y: { context: '#storybook-root', test: 'error' },
  },
};
export default preview;
