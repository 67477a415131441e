/**
 * The embed leaves out the Lit code for features its elements do not use (vite.config.ts, litUnused);
 * needsFullLit is the build's check that no source file in the embed starts to use one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { needsFullLit } from '../../vite.config.js';

const element = (body: string) => `class A extends LitElement {\n  static override properties = {\n    endpoint: {},\n    view: { reflect: true },\n    showPast: { type: Boolean, attribute: 'show-past' },\n  };\n${body}\n}`;

test('what the embed uses passes: html``, String, Number and Boolean properties, event bindings, JSDoc tags, other getters', () => {
  assert.equal(needsFullLit(element('  /** @summary x */\n  get other() { return html`<p @click=${f}>` }\n  private get _view() { return 1 }')), '');
  assert.equal(needsFullLit('export const x = html`<svg viewBox="0 0 24 24"></svg>`;'), '');
  const attributes = 'html`<div class="field ${a ? \'invalid\' : \'\'}" part=field id=${id} ?hidden=${h} .value=${v} @click=${() => f(1 > 0)} aria-label=\'${l}\'>${b} > ${c}<!-- note --></div>`';
  assert.equal(needsFullLit(attributes), '');
  assert.equal(needsFullLit('html`<input type="radio" .checked=${live(value === m)}>\n<textarea\n  .value=${live(v)}\n></textarea>`'), '');
  const textarea = 'html`<textarea\n  id=${id}\n  ?required=${!spec.optional}\n  @input=${(e) => { f(e); }}\n  .value=${live(value)}\n></textarea>`';
  assert.equal(needsFullLit(`/** Loaded by a <script type="module"> tag. */\n// no <style> here\nconst t = ${textarea};`), '');
});

test('what the embed leaves out fails the build, named', () => {
  assert.equal(needsFullLit('const icon = svg`<path d="M0 0"/>`;'), 'svg`');
  assert.equal(needsFullLit('const m = mathml`<mi>x</mi>`;'), 'mathml`');
  assert.equal(needsFullLit(element('').replace('{ reflect: true }', '{ type: Object }')), 'type: Object');
  assert.equal(needsFullLit(element('').replace('{ reflect: true }', '{ type:Array }')), 'type:Array');
  assert.equal(needsFullLit('class A {\n  @property() endpoint = "";\n}'), '@property(');
  assert.equal(needsFullLit(element('').replace('{ reflect: true }', '{ reflect: true, useDefault: true }')), 'useDefault');
  assert.equal(needsFullLit('A.addInitializer((a) => a);'), 'addInitializer');
  assert.equal(needsFullLit('const compiled = { _$litType$: { h: html, parts: [] }, values: [] };'), '_$litType$');
  assert.equal(needsFullLit('this.renderOptions.creationScope = registry;'), 'creationScope');
  assert.equal(needsFullLit("import { Directive, directive } from 'lit/directive.js';"), "from 'lit/directive.js'");
  assert.equal(needsFullLit("import { keyed } from 'lit/directives/keyed.js';"), '');
  assert.equal(needsFullLit("import { live } from 'lit/directives/live.js';\nimport { ifDefined } from 'lit/directives/if-defined.js';"), '');
  assert.equal(needsFullLit("import { repeat } from 'lit/directives/repeat.js';"), "from 'lit/directives/repeat.js'");
  assert.equal(needsFullLit(element('').replace('endpoint: {},', '[KEY]: {},')), 'a computed property key');
  assert.equal(needsFullLit(element('').replace('{ reflect: true }', '{ converter: (v) => v }')), 'converter:');
  assert.equal(needsFullLit(element('').replace('{ reflect: true }', '{ hasChanged: () => true }')), 'hasChanged:');
  assert.equal(needsFullLit(element('').replace('{ reflect: true }', '{ noAccessor: true }')), 'noAccessor:');
  assert.equal(needsFullLit(element('').replace("{ type: Boolean, attribute: 'show-past' }", "{ type: Boolean, reflect: true }")), 'reflected Boolean showPast');
  assert.equal(needsFullLit('const c = new ContextConsumer(host, { context, subscribe: true });'), '');
  assert.equal(needsFullLit('const c = new ContextConsumer(this.host, configContext, (v) => v, true);'), 'new ContextConsumer(this.host,');
  assert.equal(needsFullLit('const p = new ContextProvider(this, configContext, {});'), 'new ContextProvider(this,');
  assert.equal(needsFullLit(element('  get view() { return "month"; }')), 'get/set view');
  assert.equal(needsFullLit(element('  set showPast(v: boolean) {}')), 'get/set showPast');
  assert.equal(needsFullLit('html`<textarea class="control">${value}</textarea>`'), '<textarea> with content');
  assert.equal(needsFullLit('html`<textarea .value=${v}> </textarea>`'), '');
  assert.equal(needsFullLit('html`<textarea .value=${v}>x</textarea>`'), '<textarea> with content');
  assert.equal(needsFullLit('html`<div ${ref(el)}></div>`'), 'an element binding');
  assert.equal(needsFullLit('html`<input id=${id} ${spread(attrs)} .value=${v}>`'), 'an element binding');
  assert.equal(needsFullLit('html`<p>a</p><!-- ${note} -->`'), 'a binding in a comment');
  assert.equal(needsFullLit('html`<input ?checked=${live(on)}>`'), 'live() off a property binding');
  assert.equal(needsFullLit('html`<input value=${live(v)}>`'), 'live() off a property binding');
  assert.equal(needsFullLit('html`<style>p { color: ${c}; }</style>`'), '<style>');
  assert.equal(needsFullLit('html`<title>${t}</title>`'), '<title>');
  assert.equal(needsFullLit('html`<script>x</script>`'), '<script>');
  assert.equal(needsFullLit('html`<p @click=${{ handleEvent: f, once: true }}>x</p>`'), 'a listener object');
  assert.equal(needsFullLit('function* days() { yield 1; }'), 'function*');
});
