import { ContextConsumer as LitConsumer, ContextProvider as LitProvider } from '@lit/context';
import { expect, fixture } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { ContextConsumer, ContextProvider, createContext } from '../src/context/context.js';

/*
 * src/context/context.ts speaks the context protocol in place of @lit/context's controllers: these hold it
 * to what they did (subscribe, updates, a nearer provider taking over, leaving on disconnect) and to
 * @lit/context's own controllers on either side, as another bundle copy on the page would use them.
 */
const key = createContext<string>(Symbol.for('mobilise-test-context'));

class TestProvider extends ReactiveElement {
  provider = new ContextProvider<string>(this, key, this.getAttribute('value') ?? '');
}
class TestConsumer extends ReactiveElement {
  consumer = new ContextConsumer(this, key);
  renders = 0;
  protected override update(changed: Map<PropertyKey, unknown>) {
    super.update(changed);
    this.renders++;
  }
}
class LitTestProvider extends ReactiveElement {
  provider = new LitProvider(this, { context: key, initialValue: 'lit' });
}
class LitTestConsumer extends ReactiveElement {
  consumer = new LitConsumer(this, { context: key, subscribe: true });
}
customElements.define('test-ctx-provider', TestProvider);
customElements.define('test-ctx-consumer', TestConsumer);
customElements.define('test-lit-provider', LitTestProvider);
customElements.define('test-lit-consumer', LitTestConsumer);

describe('context protocol (src/context/context.ts)', () => {
  it('answers a consumer inside and sends it every new value, re-rendering it', async () => {
    const el = await fixture<TestProvider>(`<test-ctx-provider value="a"><test-ctx-consumer></test-ctx-consumer></test-ctx-provider>`);
    const consumer = el.querySelector<TestConsumer>('test-ctx-consumer')!;
    expect(consumer.consumer.value).to.equal('a');
    await consumer.updateComplete;
    const renders = consumer.renders;
    el.provider.setValue('b');
    expect(consumer.consumer.value).to.equal('b');
    await consumer.updateComplete;
    expect(consumer.renders).to.be.greaterThan(renders);
  });

  it('does not answer its own host, and leaves a consumer without a provider undefined', async () => {
    const lone = await fixture<TestConsumer>(`<test-ctx-consumer></test-ctx-consumer>`);
    expect(lone.consumer.value).to.equal(undefined);
  });

  it('stops telling a consumer once it is disconnected, and answers it again when it comes back', async () => {
    const el = await fixture<TestProvider>(`<test-ctx-provider value="a"><test-ctx-consumer></test-ctx-consumer></test-ctx-provider>`);
    const consumer = el.querySelector<TestConsumer>('test-ctx-consumer')!;
    consumer.remove();
    el.provider.setValue('b');
    expect(consumer.consumer.value).to.equal('a');
    el.append(consumer);
    expect(consumer.consumer.value).to.equal('b');
  });

  it('hands its consumers to a nearer provider that appears between them (defined late)', async () => {
    const outer = await fixture<TestProvider>(
      `<test-ctx-provider value="outer"><late-ctx-provider value="inner"><test-ctx-consumer></test-ctx-consumer></late-ctx-provider></test-ctx-provider>`,
    );
    const consumer = outer.querySelector<TestConsumer>('test-ctx-consumer')!;
    expect(consumer.consumer.value).to.equal('outer');
    customElements.define('late-ctx-provider', class extends TestProvider {});
    const inner = outer.querySelector<TestProvider>('late-ctx-provider')!;
    expect(consumer.consumer.value).to.equal('inner');
    outer.provider.setValue('outer again');
    expect(consumer.consumer.value, 'the outer provider no longer answers it').to.equal('inner');
    inner.provider.setValue('inner again');
    expect(consumer.consumer.value).to.equal('inner again');
  });

  it('works with @lit/context controllers on either side (another bundle copy)', async () => {
    const ours = await fixture<TestProvider>(`<test-ctx-provider value="ours"><test-lit-consumer></test-lit-consumer></test-ctx-provider>`);
    const litConsumer = ours.querySelector<LitTestConsumer>('test-lit-consumer')!;
    expect(litConsumer.consumer.value).to.equal('ours');
    ours.provider.setValue('ours, changed');
    expect(litConsumer.consumer.value).to.equal('ours, changed');

    const theirs = await fixture<LitTestProvider>(`<test-lit-provider><test-ctx-consumer></test-ctx-consumer></test-lit-provider>`);
    const consumer = theirs.querySelector<TestConsumer>('test-ctx-consumer')!;
    expect(consumer.consumer.value).to.equal('lit');
    theirs.provider.setValue('lit, changed');
    expect(consumer.consumer.value).to.equal('lit, changed');
  });
});
