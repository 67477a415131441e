/**
 * The toolbar a designer works with: page width, colour scheme and language (English, Gàidhlig,
 * Cymraeg: the provider's `locale`, switched live; Gaelic and Welsh strings load on first use).
 *
 * The widgets follow the host page's `color-scheme` (base.styles.ts: `color-scheme: inherit` and
 * light-dark()), so the scheme switch sets `color-scheme` and a matching page background on the
 * story's root, as a host page would. The canvas never shows Storybook's own (possibly dark) UI
 * background through it, so text stays readable whichever theme Storybook itself is in.
 *
 * Forced colours cannot be switched on from a page: the browser forces them (a Windows contrast
 * theme, or Chromium DevTools › Rendering › "Emulate CSS media feature forced-colors"). The
 * "Forced colours" item shows the story as it is then and says how to turn them on when they are
 * off; `npm run screenshots` captures them through the DevTools protocol
 * (Emulation.setEmulatedMedia, forced-colors: active).
 */
import type { Decorator } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { locales } from './locales.js';

export const schemes = ['light', 'dark', 'forced'] as const;
export type Scheme = (typeof schemes)[number];

export const viewports = {
  phone320: { name: 'Phone 320', styles: { width: '320px', height: '640px' }, type: 'mobile' },
  phone375: { name: 'Phone 375', styles: { width: '375px', height: '667px' }, type: 'mobile' },
  tablet768: { name: 'Tablet 768', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
  desktop1280: { name: 'Desktop 1280', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
} as const;

export const globalTypes = {
  scheme: {
    description: 'Colour scheme of the host page',
    toolbar: {
      title: 'Scheme',
      icon: 'contrast',
      items: [
        { value: 'light', title: 'Light', icon: 'sun' },
        { value: 'dark', title: 'Dark', icon: 'moon' },
        { value: 'forced', title: 'Forced colours', icon: 'accessibility' },
      ],
      dynamicTitle: true,
    },
  },
  // A change re-renders the story in place: the provider's new locale reaches every element through its context.
  locale: {
    description: 'Language: the locale of <mobilise-provider>',
    toolbar: { title: 'Language', icon: 'globe', items: [...locales], dynamicTitle: true },
  },
};

export const initialGlobals = { scheme: 'light' satisfies Scheme, locale: locales[0].value };

const forcedOff = html`<p role="note" style="margin: 0 0 1em; padding: .5em; border: 1px dashed; font: 14px/1.4 system-ui">
  Forced colours are off. Turn them on in the browser: Chromium DevTools › Rendering › Emulate CSS media feature
  forced-colors: active (or a Windows contrast theme). <code>npm run screenshots</code> captures them.
</p>`;

/**
 * Scheme and locale for every story. An element story renders inside a `<mobilise-provider>` so the
 * toolbar's locale reaches it, as on a CLP page; a page story (the provider's, or one without a
 * component) has its own provider and passes the locale to it.
 */
export const withToolbar: Decorator = (story, { globals, viewMode, component }) => {
  const scheme: Scheme = schemes.includes(globals.scheme) ? globals.scheme : 'light';
  const colorScheme = scheme === 'dark' ? 'dark' : 'light';
  if (viewMode === 'story') {
    // The whole canvas, so no strip of Storybook's background shows around the padded story.
    document.documentElement.style.colorScheme = colorScheme;
    document.body.style.backgroundColor = 'Canvas';
    document.body.style.color = 'CanvasText';
  }
  const note = scheme === 'forced' && !matchMedia('(forced-colors: active)').matches ? forcedOff : nothing;
  const element = component && component !== 'mobilise-provider';
  const content = element ? html`<mobilise-provider locale=${globals.locale}>${story()}</mobilise-provider>` : story();
  return html`<div style="color-scheme: ${colorScheme}; background-color: Canvas; color: CanvasText">${note}${content}</div>`;
};
