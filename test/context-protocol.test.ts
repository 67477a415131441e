import { expect } from '@open-wc/testing';
import * as lit from '@lit/context';
import { ReactiveElement } from 'lit';
import { ContextConsumer, ContextProvider, attachContextRoot, createContext } from '../src/context/protocol.js';

/**
 * src/context/protocol.ts speaks the same context protocol as @lit/context, so this bundle pairs
 * with another copy (or with @lit/context itself) on one page. Plain hosts, driven through the DOM.
 */
class Host extends ReactiveElement {
  updates = 0;
  override update(changed: Map<PropertyKey, unknown>) {
    super.update(changed);
    this.updates++;
  }
}
customElements.define('protocol-test-host', Host);

let n = 0;
const freshContext = () => createContext<{ v: number }>(Symbol(`protocol-test-${n++}`));
const host = () => document.createElement('protocol-test-host') as Host;
const roots: Element[] = [];
afterEach(() => roots.splice(0).forEach((r) => r.remove()));

/** provider > consumer, both in the document. */
function tree() {
  const outer = host();
  const inner = host();
  outer.append(inner);
  roots.push(outer);
  return { outer, inner };
}

describe('context protocol (src/context/protocol.ts)', () => {
  it('gives a consumer the provider value, every new value, and nothing after it disconnects', () => {
    const context = freshContext();
    const { outer, inner } = tree();
    const provider = new ContextProvider(outer, context, { v: 1 });
    const consumer = new ContextConsumer(inner, context);
    document.body.append(outer);
    expect(consumer.value).to.deep.equal({ v: 1 });
    provider.setValue({ v: 2 });
    expect([consumer.value, provider.value]).to.deep.equal([{ v: 2 }, { v: 2 }]);
    inner.remove();
    provider.setValue({ v: 3 });
    expect(consumer.value).to.deep.equal({ v: 2 });
  });

  it('answers @lit/context consumers with one unsubscribe function, so they stay subscribed across values', () => {
    const context = freshContext();
    const { outer, inner } = tree();
    const provider = new ContextProvider(outer, context, { v: 1 });
    const seen: number[] = [];
    const consumer = new lit.ContextConsumer(inner, { context, subscribe: true, callback: (value) => seen.push(value.v) });
    document.body.append(outer);
    provider.setValue({ v: 2 });
    provider.setValue({ v: 3 });
    expect([seen, consumer.value]).to.deep.equal([[1, 2, 3], { v: 3 }]);
  });

  it('is answered by a @lit/context provider', () => {
    const context = freshContext();
    const { outer, inner } = tree();
    const provider = new lit.ContextProvider(outer, { context, initialValue: { v: 1 } });
    const consumer = new ContextConsumer(inner, context);
    document.body.append(outer);
    provider.setValue({ v: 2 });
    expect(consumer.value).to.deep.equal({ v: 2 });
  });

  it('with a root on the document, a consumer that connected first is answered when its provider connects (either library)', () => {
    const root = document.createElement('div');
    document.body.append(root);
    roots.push(root);
    attachContextRoot(root);
    for (const library of ['ours', '@lit/context'] as const) {
      const context = freshContext();
      const { outer, inner } = tree();
      roots.pop();
      const ours = new ContextConsumer(inner, context);
      const theirs = new lit.ContextConsumer(inner, { context, subscribe: true });
      root.append(outer);
      expect([library, ours.value, theirs.value]).to.deep.equal([library, undefined, undefined]);
      // The provider's element upgrades after the consumers' (embed scripts load in any order).
      if (library === 'ours') new ContextProvider(outer, context, { v: 7 });
      else new lit.ContextProvider(outer, { context, initialValue: { v: 7 } });
      expect([library, ours.value, theirs.value]).to.deep.equal([library, { v: 7 }, { v: 7 }]);
    }
  });

  it('a nearer provider that connects later takes its consumers over', () => {
    const context = freshContext();
    const { outer, inner } = tree();
    const middle = host();
    const far = new ContextProvider(outer, context, { v: 1 });
    const consumer = new ContextConsumer(inner, context);
    document.body.append(outer);
    expect(consumer.value).to.deep.equal({ v: 1 });
    outer.append(middle);
    middle.append(inner);
    const near = new ContextProvider(middle, context, { v: 2 });
    near.hostConnected();
    expect(consumer.value).to.deep.equal({ v: 2 });
    far.setValue({ v: 3 });
    expect(consumer.value, 'the far provider no longer reaches it').to.deep.equal({ v: 2 });
    near.setValue({ v: 4 });
    expect(consumer.value).to.deep.equal({ v: 4 });
  });
});
