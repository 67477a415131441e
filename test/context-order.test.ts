import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/elements/module-catalogue/define.js';
import { MobiliseProvider } from '../src/context/provider.js';
import { mockApi, type MockApi } from './helpers/mock-api.js';

/*
 * One-element scripts load in any order (a theme may enqueue the calendar before the provider):
 * an element that asks for its config before any provider is defined still gets it once one is.
 */
describe('context across load order', () => {
  let api: MockApi;
  beforeEach(() => (api = mockApi()));
  afterEach(() => api.restore());

  it('answers an element that upgraded before its provider was defined', async () => {
    const wrap = await fixture(`<late-mobilise-provider endpoint="${api.endpoint}"><mobilise-module-catalogue></mobilise-module-catalogue></late-mobilise-provider>`);
    const catalogue = wrap.querySelector('mobilise-module-catalogue')!;
    // No provider yet: the catalogue says it has no endpoint.
    await waitUntil(() => catalogue.shadowRoot!.textContent!.includes('needs an endpoint'), 'no set-up message before the provider');
    customElements.define('late-mobilise-provider', class extends MobiliseProvider {});
    await waitUntil(() => catalogue.shadowRoot!.querySelector('[part="card-title"]'), 'the catalogue never got the late provider’s endpoint', { timeout: 5000 });
    expect(catalogue.shadowRoot!.textContent).not.to.include('needs an endpoint');
  });
});
