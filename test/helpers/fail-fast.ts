/**
 * Loaded before every browser test file (web-test-runner.config.mjs `testRunnerHtml`).
 * A failed assertion carries its `actual` and `expected` to the test runner, which
 * serialises them over a WebSocket; a DOM node there (a shadow root, a document…)
 * froze the page until the browser was declared disconnected, so a regression hung
 * for minutes instead of failing by name. Assertion errors keep only a short,
 * serialisable description of what they compared.
 */
// Not from @open-wc/testing: importing it before mocha exists would skip its fixture cleanup hook.
import { use } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { nameOf } from './dom.js';

function describeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Element) return nameOf(value);
  if (value instanceof Node) return `[${value.nodeName}]`;
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export {};
use((lib: Chai.ChaiStatic) => {
  const assert = lib.Assertion.prototype.assert;
  lib.Assertion.prototype.assert = function (this: Chai.AssertionStatic, ...args: Parameters<typeof assert>) {
    try {
      return assert.apply(this, args);
    } catch (error) {
      if (error instanceof lib.AssertionError) {
        const e = error as Chai.AssertionError & { actual?: unknown; expected?: unknown };
        e.actual = describeValue(e.actual);
        e.expected = describeValue(e.expected);
      }
      throw error;
    }
  };
});

/**
 * Tell the runner each test's title as it starts, so a test that freezes the page
 * is named (scripts/wtr-hang-watch.mjs). Mocha defines its `beforeEach` global just
 * before the test file loads; registering a root hook at that moment needs no
 * edit to any test file.
 */
Object.defineProperty(window, 'beforeEach', {
  configurable: true,
  set(register: Mocha.HookFunction) {
    Object.defineProperty(window, 'beforeEach', { value: register, writable: true, configurable: true });
    register(function (this: Mocha.Context) {
      return executeServerCommand('mobilise-test-started', { title: this.currentTest?.fullTitle() ?? '' });
    });
  },
});
