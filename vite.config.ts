import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { minify } from 'terser';
import ts from 'typescript';
import { minifyHTMLLiterals } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';
import { build, defineConfig, type BuildEnvironmentOptions, type InlineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;
const src = (path: string) => resolve(root, 'src', path);

/**
 * Minify the html`` and css`` template literals in production builds only (dev,
 * tests and Storybook run the sources as written): comments go, CSS is minified
 * by lightningcss, and every run of whitespace between tags becomes ONE space or
 * newline (conservativeCollapse) rather than nothing, so the DOM keeps the same
 * text nodes and renders exactly as before. Empty attributes are kept as written;
 * quotes go where HTML needs none (`id=x-${…}`: Lit reads unquoted bindings, and a
 * value with a space keeps its quotes), 48 B gzip. A template it cannot parse fails the build.
 */
const minifyTemplates = (): Plugin => ({
  name: 'mobilise-minify-templates',
  apply: 'build',
  async transform(code, id) {
    if (!id.startsWith(`${src('')}/`) || !id.endsWith('.ts')) return undefined;
    const result = await minifyHTMLLiterals(code, {
      fileName: id,
      minifyOptions: { conservativeCollapse: true, removeEmptyAttributes: false, removeAttributeQuotes: true },
    });
    return result ? { code: result.code, map: result.map?.toString() } : undefined;
  },
});

/**
 * Browser code validates with src/contract/zod-lite.ts, zod's parse semantics for
 * the subset the contract uses, in ~1 KB instead of ~7 KB. The schemas are still
 * written in zod; test/node/contract-conformance.test.ts holds the two to the
 * same results. The npm `contract` entry keeps real zod (see below).
 */
export const zodLite = { 'zod/mini': src('contract/zod-lite.ts') };

const libBuild = (entry: Record<string, string>): BuildEnvironmentOptions => ({
  target: 'es2022',
  outDir: 'dist',
  sourcemap: true,
  minify: 'oxc',
  lib: { entry, formats: ['es'] },
});

/** Vite keeps whitespace in ES library builds; a script-tag bundle wants it all minified. */
const output = { chunkFileNames: 'chunks/[name]-[hash].js', minify: true } as const;

/** Another build into dist/, run once the library build is written. */
const thenBuild = (name: string, config: InlineConfig): Plugin => ({
  name,
  apply: 'build',
  async closeBundle() {
    await build({ configFile: false, root, logLevel: 'warn', ...config, build: { emptyOutDir: false, ...config.build } });
  },
});

/**
 * Property names our elements' controllers and render helpers use among themselves (src/elements only),
 * renamed to short ones in the embed like Lit's cross-module private ones (_$AH, _$AM…, which no code
 * outside the embed's own Lit reads): 0.2 KB gzip together. A listed name that any other module (Lit,
 * the context, the client, the contract, the strings) or a quoted string in src/elements uses fails the
 * build, as does one the DOM has (terser's list) or a chunk exports (an import()ed module is read by
 * export name); element properties, events, parts and contract fields are never listed. A name left off
 * is merely not renamed.
 */
const INTERNAL = [
  ...['renderBar', 'renderProviderNotice', 'followProvider', 'syncAttributes', 'prepare', 'toggleMenu', 'dataReady', 'byId'],
  ...['onChange', 'onClear', 'onToggle', 'onSelect', 'onCalendarToggle', 'onJump', 'icsHref', 'externalUrl'],
  ...['onInput', 'onFocusOut', 'validateAll', 'showProblems', 'clearProblems', 'clearAnswers', 'dismissOutcome', 'settled', 'renew'],
  ...['general', 'task', 'onComplete', 'inputmode', 'trigger', 'limit', 'moduleOf'],
  ...['focused', 'selectedEntries', 'onMove', 'onFocusDay', 'onChoose', 'onMonth', 'menuOpen', 'chosen'],
];
/**
 * Lit's hooks between its own classes, our elements and their controllers (finalize, performUpdate, willUpdate,
 * hostConnected…), renamed short in the embed like INTERNAL: nothing outside the embed extends its classes or adds
 * controllers to its elements. What a page may call on an element stays (requestUpdate, updateComplete, renderRoot,
 * hasUpdated), as do names Lit quotes (elementProperties, finalized, properties) and the context protocol's fields.
 * A listed name that the DOM has or a quoted string in the embed uses fails the build.
 */
const LIT_HOOKS = [
  ...['isUpdatePending', 'renderOptions', 'renderBefore', 'createRenderRoot', 'finalize', 'finalizeStyles', 'elementStyles', 'shadowRootOptions'],
  ...['getPropertyOptions', 'getPropertyDescriptor', 'createProperty', 'enableUpdating', 'scheduleUpdate', 'performUpdate', 'getUpdateComplete'],
  ...['shouldUpdate', 'willUpdate', 'firstUpdated', 'addController', 'hostConnected', 'hostDisconnected', 'hostUpdate', 'hostUpdated'],
];
const renamedProperty = new RegExp(`^(?:_\\$[A-Z][A-Za-z]|${[...INTERNAL, ...LIT_HOOKS].join('|')})$`);

const internalNames = (): Plugin => {
  const domprops = readFileSync(resolve(root, 'node_modules/terser/tools/domprops.js'), 'utf8');
  const dom = [...INTERNAL, ...LIT_HOOKS].filter((name) => domprops.includes(`"${name}"`));
  if (dom.length) throw new Error(`mobilise-internal-names: the DOM has ${dom.join(', ')}: take them off INTERNAL`);
  const anywhere = new RegExp(`\\b(?:${INTERNAL.join('|')})\\b`);
  const quoted = new RegExp(`(["'\`])(?:${INTERNAL.join('|')})\\1`);
  const hookQuoted = new RegExp(`(["'\`])(?:${LIT_HOOKS.join('|')})\\1`);
  return {
    name: 'mobilise-internal-names',
    renderChunk(_, chunk) {
      for (const [id, { code }] of Object.entries(chunk.modules)) {
        const found = code && ((id.startsWith(`${src('elements')}/`) ? quoted : anywhere).exec(code) ?? hookQuoted.exec(code));
        if (found) throw new Error(`mobilise-internal-names: ${id} uses ${found[0]}, so it cannot be renamed: take it off INTERNAL`);
      }
      // A module another chunk import()s is read through its namespace object, by export name.
      const exported = chunk.exports.filter((name) => INTERNAL.includes(name));
      if (exported.length) throw new Error(`mobilise-internal-names: ${chunk.fileName} exports ${exported.join(', ')}: take it off INTERNAL`);
      return null;
    },
  };
};

/**
 * A second minifier pass over the embed: terser after oxc saves another 0.6 KB
 * gzip (most of it the 19 identical Lit licence headers, replaced by one banner
 * pointing at THIRD-PARTY-NOTICES.txt), and renames INTERNAL properties. The new
 * names carry from chunk to chunk (one chunk at a time), so a property has the
 * same name in all of them.
 */
const terserPass = (): Plugin => {
  let renamed: unknown = {};
  let queue: Promise<unknown> = Promise.resolve();
  return {
    name: 'mobilise-terser-pass',
    buildStart() {
      renamed = {};
    },
    async renderChunk(code) {
      const nameCache = { props: renamed };
      const run = queue.then(() =>
        minify(code, {
          module: true,
          ecma: 2020,
          // pure_getters: no getter here is read for a side effect (no forced reflows, no lazy init by reading), so
          // an unused property read can go: 0.08 KB. keep_fargs: false drops unused parameters, as nothing in the
          // embed reads a function's length. inline: 1 inlines only functions without parameters: oxc has inlined what
          // pays already, and terser's copies of helpers with parameters into their callers cost more than the calls
          // (-57 B); four passes. unsafe_methods writes { m: function () {} } as { m() {} }, which only code that calls
          // `new` on such a method would notice: none here does (-16 B); unsafe_arrows writes a function expression that
          // does not read `this` as an arrow, likewise (-24 B). The e2e and host-page suites run this build.
          compress: { passes: 4, pure_getters: true, keep_fargs: false, inline: 1, unsafe_methods: true, unsafe_arrows: true },
          mangle: { properties: { regex: renamedProperty } },
          nameCache,
          sourceMap: true,
          format: { comments: /^!/ },
        }),
      );
      queue = run.catch(() => {});
      const r = await run;
      renamed = nameCache.props;
      return { code: r.code!, map: r.map as string };
    },
  };
};

/**
 * The embed registers every element up front (src/mobilise.ts), so an import()
 * of one element's define.ts (the calendar loads the form that way on pages that
 * include the calendar alone) has nothing left to do: it becomes
 * Promise.resolve(), and that define.ts (with the ContextRoot the one-element
 * scripts attach) stays out of the embed. Left alone, rolldown would also build
 * the module's namespace object at run time, helper included. Padded with spaces
 * to the call's length, so nothing moves and the source map stays true.
 */
const upFrontImports = (): Plugin => {
  const upFront = new Set(
    [...readFileSync(src('mobilise.ts'), 'utf8').matchAll(/from '\.\/(elements\/(?!shared\/)[\w-]+|context)\/[\w-]+\.js'/g)].map((m) =>
      src(`${m[1]}/define.ts`),
    ),
  );
  if (!upFront.size) throw new Error('src/mobilise.ts imports no element: mobilise-up-front-imports reads its imports');
  return {
    name: 'mobilise-up-front-imports',
    async transform(code, id) {
      if (!id.startsWith(`${src('')}/`)) return undefined;
      let out = code;
      for (const [call, , specifier] of code.matchAll(/\bimport\((["'`])([^"'`\n]+)\1\)/g))
        if (upFront.has((await this.resolve(specifier, id))?.id ?? '')) out = out.replace(call, 'Promise.resolve()'.padEnd(call.length));
      return out === code ? undefined : { code: out, map: null };
    },
  };
};

/** Exact edits to Lit's published files, each of which must be found once: a Lit release that changes one fails the build. */
type LitEdit = [file: RegExp, find: string, replace: string];
const litEdits = (name: string, edits: LitEdit[]): Plugin => ({
  name,
  transform(code, id) {
    const mine = edits.filter(([file]) => file.test(id));
    if (!mine.length) return undefined;
    let out = code;
    for (const [, find, replace] of mine) {
      if (out.split(find).length !== 2) throw new Error(`${name}: ${id} no longer says ${find} (once): update the list`);
      out = out.replace(find, () => replace);
    }
    return { code: out, map: null };
  },
});

/**
 * Lit's production build keeps long messages for mistakes only a developer can make (css`` given a
 * non-CSS value, live() on a child binding). Nothing on a script-tag page calls Lit, and our own code
 * runs Lit's development build in tests, which keeps the full wording: the embed says the same in
 * fewer words (0.1 KB gzip). The checks stay.
 */
const litMessages = () =>
  litEdits('mobilise-lit-messages', [
    [/@lit\/reactive-element\/css-tag\.js$/, '"CSSResult is not constructable. Use `unsafeCSS` or `css` instead."', '"Use css``, not new CSSResult"'],
    [
      /@lit\/reactive-element\/css-tag\.js$/,
      `"Value passed to 'css' function must be a 'css' function result: "+t+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security."`,
      '"css`` takes css`` results, not: "+t',
    ],
    [/lit-html\/directives\/live\.js$/, '"The `live` directive is not allowed on child or event bindings"', '"live(): not on child or event bindings"'],
    [/lit-html\/directives\/live\.js$/, '"`live` bindings can only contain a single expression"', '"live(): one expression only"'],
  ]);

const RE = /@lit\/reactive-element\/reactive-element\.js$/;
const HTML = /lit-html\/lit-html\.js$/;
const CSS_TAG = /@lit\/reactive-element\/css-tag\.js$/;

/** Every tagged template in `source`: its tag, its static text with \0 where each binding goes, and the bindings' code. */
function taggedTemplates(source: string): { tag: string; text: string; values: string[] }[] {
  const file = ts.createSourceFile('source.ts', source, ts.ScriptTarget.Latest);
  const found: { tag: string; text: string; values: string[] }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node)) {
      const t = node.template;
      const spans = ts.isNoSubstitutionTemplateLiteral(t) ? [] : t.templateSpans;
      const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t.text] : [t.head.text, ...spans.map((span) => span.literal.text)];
      found.push({ tag: node.tag.getText(file), text: parts.join('\0'), values: spans.map((span) => span.expression.getText(file)) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** What an html`` template needs of the Lit parsing litUnused() leaves out, or ''. */
function templateNeeds(text: string, values: string[]): string {
  const raw = /<(script|style|title)\b|<textarea\b[^>]*>(?!\s*<\/textarea>)/i.exec(text);
  if (raw) return raw[1] ? `<${raw[1]}>` : '<textarea> with content';
  for (let at = text.indexOf('\0'), i = 0; at >= 0; at = text.indexOf('\0', at + 1), i++) {
    const before = text.slice(0, at);
    if (before.lastIndexOf('<!--') > before.lastIndexOf('-->')) return 'a binding in a comment';
    const open = before.lastIndexOf('<');
    // Inside a tag, outside quotes and not after `=`: a binding on the element itself, <div ${ref(x)}>.
    if (open > before.lastIndexOf('>') && !/["']|=\s*$/.test(before.slice(open).replace(/"[^"]*"|'[^']*'/g, '')))
      return 'an element binding';
    if (/^live\(/.test(values[i]!) && !/\s\.[\w-]+=$/.test(before)) return 'live() off a property binding';
    if (/\s@[\w-]+=$/.test(before) && /^\{/.test(values[i]!)) return 'a listener object';
  }
  return '';
}

/** What in our own source would need the Lit code litUnused() leaves out, or '' when nothing does. */
export function needsFullLit(source: string): string {
  const used =
    /\btype:\s*(?:Object|Array)\b|\b(?:converter|hasChanged|noAccessor)\s*:|^\s*@\w+\(|\buseDefault\b|\baddInitializer\b|\b_\$litType\$|\bcreationScope\b|new Context(?:Consumer|Provider)\(\s*[\w.]+\s*,(?!\s*\{)|\bfunction\s*\*|\bfrom\s*['"]lit(?:-html)?\/(?:directive|directives\/(?!keyed|live|if-defined)[\w-]+)\.js['"]/m.exec(
      source,
    );
  if (used) return used[0].trim();
  for (const { tag, text, values } of taggedTemplates(source)) {
    if (tag === 'svg' || tag === 'mathml') return `${tag}\``;
    const needs = tag === 'html' ? templateNeeds(text, values) : '';
    if (needs) return needs;
  }
  const at = /static\s+(?:override\s+)?properties\s*=\s*\{/.exec(source);
  if (!at) return '';
  let depth = 1;
  let end = at.index + at[0].length;
  while (depth && end < source.length) depth += { '{': 1, '}': -1 }[source[end++]!] ?? 0;
  const block = source.slice(at.index + at[0].length, end - 1);
  if (/^\s*\[/m.test(block)) return 'a computed property key';
  // A Boolean written back to its attribute (Lit's code for that is left out, with Trusted Types' empty value).
  for (const [entry, key] of block.matchAll(/(\w+)\s*:\s*\{[^{}]*\}/g))
    if (/\breflect:\s*true\b/.test(entry) && /\bBoolean\b/.test(entry)) return `reflected Boolean ${key}`;
  // A reactive property with its own accessor on the class (Lit wraps that one: the code for it is left out).
  for (const [, key] of block.matchAll(/^\s*(\w+)\s*:/gm))
    if (new RegExp(`\\b(?:get|set)\\s+${key}\\s*\\(`).test(source)) return `get/set ${key}`;
  return '';
}

/**
 * What Lit keeps for features no element in the embed uses (0.8 KB gzip): decorators (Symbol.metadata,
 * addInitializer, and the own accessors and `useDefault` option they bring), JSON-typed properties (type:
 * Object or Array), a property's own `converter`, `hasChanged` or `noAccessor`, a Boolean property reflected
 * to its attribute, svg``/mathml`` templates, @lit/context's controllers made without an options object,
 * live() on an attribute, compiled templates (a hand-made `_$litType$` result), `creationScope` (scoped
 * registries), symbol-keyed properties, async directives, directives of our own (lit/directive.js) and Lit's but
 * keyed(), live() and ifDefined(), removeController, a part's startNode, endNode, parentNode and tagName, whether
 * a part is connected (_$AU, setConnected: async directives' business), listener objects in event bindings
 * (handleEvent and their options), lists in child bindings that are not arrays,
 * and template parts the embed never writes: bindings inside <script>, <style>, <title> or
 * <textarea> (raw text, which Lit parses apart), in a comment, or on an element itself (<div ${ref(x)}>).
 * A source file in the embed that uses one of those fails the build here (needsFullLit). npm users' builds
 * keep all of Lit. Besides, what those left with nothing to do goes too, each edit with its reason beside it: the
 * style-sheet cache by template, renderBefore into an empty shadow root, the default declaration's fields,
 * requestUpdate's parameters for own accessors, the attribute converter's toAttribute, the SSR mark.
 *
 * And Lit's fallback for browsers without constructable style sheets (a <style> per element, with the
 * page's litNonce), 0.1 KB: every browser that runs the embed's class static blocks has them (Chrome 94+,
 * Safari 16.4+, Firefox 101+) except Firefox 93 to 100, from 2021-22 and no longer supported (ESR 102 has them).
 */
const litUnused = (): Plugin => ({
  ...litEdits('mobilise-lit-unused', [
    [RE, 'static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}', ''],
    [RE, ',void 0!==t.l&&(this.l=[...t.l])', ''],
    [RE, ',this.constructor.l?.forEach(t=>t(this))', ''],
    [RE, 'Symbol.metadata??=Symbol("metadata"),a.litPropertyMetadata??=new WeakMap;', ''],
    [RE, 'const t=this[Symbol.metadata];if(null!==t){const s=litPropertyMetadata.get(t);if(void 0!==s)for(const[t,i]of s)this.elementProperties.set(t,i)}', ''],
    [RE, 'case Object:case Array:t=null==t?t:JSON.stringify(t)', ''],
    [RE, 'switch(s){case Boolean:t=t?l:null;break;}', ''],
    [RE, 'c=a.trustedTypes,l=c?c.emptyScript:"",', ''],
    [RE, 'case Object:case Array:try{i=JSON.parse(t)}catch(t){i=null}', ''],
    // The options of a property declared without any: every field's absence reads the same as its default here
    // (an attribute named after the property, a string, not reflected; the converter and hasChanged are Lit's own).
    [RE, 'b={attribute:!0,type:String,converter:u,reflect:!1,useDefault:!1,hasChanged:f}', 'b={}'],
    [RE, 'this.prototype.hasOwnProperty(t)&&((s=Object.create(s)).wrapped=!0),', ''],
    [RE, 'const t=this.constructor.elementProperties;if(t.size>0)for(const[s,i]of t){const{wrapped:t}=i,e=this[s];!0!==t||this._$AL.has(s)||void 0===e||this.C(s,void 0,i,e)}', ''],
    [RE, '||i.useDefault&&i.reflect&&h===this._$Ej?.get(t)&&!this.hasAttribute(r._$Eu(t,i))', ''],
    [
      RE,
      'C(t,s,{useDefault:i,reflect:e,wrapped:h},r){i&&!(this._$Ej??=new Map).has(t)&&(this._$Ej.set(t,r??s??this[t]),!0!==h||void 0!==r)||(this._$AL.has(t)||(this.hasUpdated||i||(s=void 0),this._$AL.set(t,s)),!0===e&&this._$Em!==t&&(this._$Eq??=new Set).add(t))}',
      'C(t,s,{reflect:e}){this._$AL.has(t)||(this.hasUpdated||(s=void 0),this._$AL.set(t,s)),!0===e&&this._$Em!==t&&(this._$Eq??=new Set).add(t)}',
    ],
    [RE, 'this[e]=r??this._$Ej?.get(e)??r', 'this[e]=r'],
    [
      RE,
      'const{get:e,set:r}=h(this.prototype,t)??{get(){return this[s]},set(t){this[s]=t}};return{get:e,set(s){const h=e?.call(this);r?.call(this,s),this.requestUpdate(t,h,i)},',
      'return{get(){return this[s]},set(e){const h=this[s];this[s]=e,this.requestUpdate(t,h,i)},',
    ],
    [RE, ',!s.noAccessor){', ',1){'],
    [CSS_TAG, 'else for(const e of o){const o=document.createElement("style"),n=t.litNonce;void 0!==n&&o.setAttribute("nonce",n),o.textContent=e.cssText,s.appendChild(o)}', ''],
    [CSS_TAG, 'c=e?t=>t:t=>t instanceof CSSStyleSheet?(t=>{let e="";for(const s of t.cssRules)e+=s.cssText;return r(e)})(t):t', 'c=t=>t'],
    // With the fallback gone, the test for constructable style sheets (and the ShadyCSS polyfill) has no other answer.
    [CSS_TAG, 'e=t.ShadowRoot&&(void 0===t.ShadyCSS||t.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype', 'e=!0'],
    // One sheet per css`` result, no cache by template: every css`` in the embed is a module's constant, evaluated
    // once, so the cache never finds anything (and a css`` evaluated again would only build the same sheet anew).
    [CSS_TAG, 'this.cssText=t,this.t=e}', 'this.cssText=t}'],
    [
      CSS_TAG,
      'get styleSheet(){let t=this.o;const s=this.t;if(e&&void 0===t){const e=void 0!==s&&1===s.length;e&&(t=o.get(s)),void 0===t&&((this.o=t=new CSSStyleSheet).replaceSync(this.cssText),e&&o.set(s,t))}return t}',
      'get styleSheet(){let t=this.o;return void 0===t&&(this.o=t=new CSSStyleSheet).replaceSync(this.cssText),t}',
    ],
    [HTML, '(y.test(u[2])&&(n=RegExp("</"+u[2],"g")),c=p)', 'c=p'],
    [HTML, 'if(y.test(r.tagName)){const t=r.textContent.split(o),i=t.length-1;if(i>0){r.textContent=s?s.emptyScript:"";for(let s=0;s<i;s++)r.append(t[s],c()),P.nextNode(),d.push({type:2,index:++l});r.append(t[i],c())}}', ''],
    [HTML, 'else t.startsWith(o)&&(d.push({type:6,index:l}),r.removeAttribute(t))', ''],
    [HTML, ':6===r.type&&(i=new Z(h,this,t))', ':0'],
    [HTML, 'else{let t=-1;for(;-1!==(t=r.data.indexOf(o,t+1));)d.push({type:7,index:l}),t+=o.length-1}', ''],
    [RE, 'h="function"==typeof t.converter?{fromAttribute:t.converter}:void 0!==t.converter?.fromAttribute?t.converter:u;', 'h=u;'],
    // With only String and Number properties reflected (no converter, no Boolean), an attribute is written as the value.
    [RE, '(void 0!==i.converter?.toAttribute?i.converter:u).toAttribute(s,i.type)', 's'],
    [RE, 'toAttribute(t,s){return t},', ''],
    [RE, '(i.hasChanged??f)(h,s)', 'f(h,s)'],
    [/context-consumer\.js$/, 'void 0!==s.context){const t=s;this.context=t.context,this.callback=t.callback,this.subscribe=t.subscribe??!1}else this.context=s,this.callback=i,this.subscribe=h??!1;', '1){const t=s;this.context=t.context,this.callback=t.callback,this.subscribe=t.subscribe??!1}'],
    [/context-provider\.js$/, 'super(void 0!==e.context?e.initialValue:i)', 'super(e.initialValue)'],
    [/context-provider\.js$/, 'void 0!==e.context?this.context=e.context:this.context=e', 'this.context=e.context'],
    [/lit-html\/directives\/live\.js$/, 'else if(i.type===n.BOOLEAN_ATTRIBUTE){if(!!t===o.hasAttribute(l))return r}else if(i.type===n.ATTRIBUTE&&o.getAttribute(l)===t+"")return r', ''],
    [HTML, 'e="number"==typeof s?this._$AC(t):(void 0===s.el&&(s.el=S.createElement(V(s.h,s.h[0]),this.options)),s)', 'e=this._$AC(t)'],
    [HTML, '(t?.creationScope??l).importNode(i,!0)', 'l.importNode(i,!0)'],
    [HTML, 'for(this._$AP?.(!1,!0,s);', 'for(;'],
    [HTML, 'h?.constructor!==o&&(h?._$AO?.(!1),', 'h?.constructor!==o&&('],
    [HTML, 'setConnected(t){void 0===this._$AM&&(this._$Cv=t,this._$AP?.(t))}', ''],
    [HTML, 'get startNode(){return this._$AA}get endNode(){return this._$AB}', ''],
    // A part's parentNode and tagName serve directives written against Lit's Part API: keyed() and live() read neither.
    [HTML, 'get parentNode(){return this._$AM.parentNode}', ''],
    [HTML, 'get parentNode(){let t=this._$AA.parentNode;const i=this._$AM;return void 0!==i&&11===t?.nodeType&&(t=i.parentNode),t}', ''],
    [HTML, 'get tagName(){return this.element.tagName}', ''],
    // Whether a part is connected (_$AU, setConnected, renderOptions.isConnected) is for async directives alone.
    [HTML, 'get _$AU(){return this._$AM._$AU}u(t){', 'u(t){'],
    [HTML, 'get _$AU(){return this._$AM?._$AU??this._$Cv}', ''],
    [HTML, 'class H{get _$AU(){return this._$AM._$AU}', 'class H{'],
    [HTML, ',this._$Cv=e?.isConnected??!0', ''],
    [/lit-html\/directive\.js$/, 'get _$AU(){return this._$AM._$AU}', ''],
    [/lit-element\/lit-element\.js$/, 'connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}', ''],
    [/lit-element\/lit-element\.js$/, 'this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),', ''],
    // A mark for server-side rendering and Lit's development warnings, neither of which the embed has.
    [/lit-element\/lit-element\.js$/, 'i._$litElement$=!0,', ''],
    // The shadow root is empty when Lit first renders into it (styles are adopted, not <style> nodes): nothing to render before.
    [/lit-element\/lit-element\.js$/, 'createRenderRoot(){const t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}', ''],
    // requestUpdate's last two parameters served the own accessors and useDefault left out above.
    [RE, 'requestUpdate(t,s,i,e=!1,h){if(void 0!==t){const r=this.constructor;if(!1===e&&(h=this[t]),', 'requestUpdate(t,s,i){if(void 0!==t){const r=this.constructor,h=this[t];if('],
    [RE, 'removeController(t){this._$EO?.delete(t)}', ''],
    [RE, 's=[...r(t),...o(t)]', 's=r(t)'],
    // Event bindings take functions only (templateNeeds refuses an object literal there): Lit's support for
    // listener objects, their handleEvent and their capture/once/passive options, has nothing to do.
    [HTML, 'e=t===A&&s!==A||t.capture!==s.capture||t.once!==s.once||t.passive!==s.passive', 'e=t===A&&s!==A'],
    [HTML, 'handleEvent(t){"function"==typeof this._$AH?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}', 'handleEvent(t){this._$AH.call(this.options?.host??this.element,t)}'],
    // A list in a child binding is an array in every template here (map() and filter() results); a generator, a
    // Set or a Map's values() would render as text. needsFullLit refuses a generator in the embed's source.
    [HTML, 'd=t=>u(t)||"function"==typeof t?.[Symbol.iterator]', 'd=u'],
    [HTML, 'l=2===i?"<svg>":3===i?"<math>":""', 'l=""'],
    [HTML, '+(2===i?"</svg>":3===i?"</math>":"")', ''],
    [HTML, ',2===i||3===i){const t=this.el.content.firstChild;t.replaceWith(...t.childNodes)}', '){}'],
  ]),
  generateBundle() {
    for (const id of this.getModuleIds()) {
      if (!id.startsWith(`${src('')}/`) || !id.endsWith('.ts')) continue;
      const used = needsFullLit(readFileSync(id, 'utf8'));
      if (used) throw new Error(`mobilise-lit-unused: ${id} uses ${used}, which the embed's Lit leaves out: take it out of litUnused()`);
    }
  },
  // Async directives' hooks, a part's startNode/endNode, whether it is connected and removeController are left out too: nothing else in the embed may use them.
  renderChunk(_, chunk) {
    for (const [id, { code }] of Object.entries(chunk.modules)) {
      // directive-helpers.js is whole here (its unused helpers go later); what reads _$AU in it serves directives needsFullLit refuses.
      const used = /async-directive\.js$/.test(id)
        ? 'an async directive'
        : !RE.test(id) && !HTML.test(id) && code && (/directive-helpers\.js$/.test(id) ? /\b(?:startNode|endNode|removeController|setConnected)\b/ : /\b(?:startNode|endNode|removeController|setConnected)\b|_\$AU\b/).exec(code)?.[0];
      if (used) throw new Error(`mobilise-lit-unused: ${id} uses ${used}, which the embed's Lit leaves out: take it out of litUnused()`);
    }
    return null;
  },
});

/**
 * Lit reads and writes a few page globals the embed has no use for: its version notes (litHtmlVersions and
 * two more), which serve only Lit's development-mode warning that a page loads Lit twice (the embed's Lit
 * is its own on purpose, so the note would only make a host page's own Lit warn for nothing), and the hooks
 * for the ShadyDOM polyfill and server-side rendering (litHtmlPolyfillSupport and three more: browsers
 * without shadow DOM cannot run the embed's ES2022, and nothing renders it on a server). The embed leaves
 * them out (0.1 KB gzip). A Lit release that writes one another way fails the build here.
 */
const litGlobals = (): Plugin => ({
  name: 'mobilise-lit-globals',
  transform(code, id) {
    if (!/node_modules\/(lit-html\/lit-html|lit-element\/lit-element|@lit\/reactive-element\/reactive-element)\.js$/.test(id)) return undefined;
    const out = code
      .replace(/\(\w+\.(?:litHtml|litElement|reactiveElement)Versions\?\?=\[\]\)\.push\("[\d.]+"\)/, '(void 0)')
      .replace(/\b\w+\.(?:litHtmlPolyfillSupport|reactiveElementPolyfillSupport|litElementPolyfillSupport|litElementHydrateSupport)\b/g, '(void 0)');
    if (/Versions\?\?=|PolyfillSupport|HydrateSupport/.test(out))
      throw new Error(`mobilise-lit-globals: ${id} writes a page global another way now: update the patterns`);
    return { code: out, map: null };
  },
});

/** dist/THIRD-PARTY-NOTICES.txt: the licence of every package the embed bundles, read from node_modules. */
const thirdPartyNotices = (): Plugin => ({
  name: 'mobilise-third-party-notices',
  generateBundle(_, bundle) {
    const packages = new Set<string>();
    for (const chunk of Object.values(bundle))
      if (chunk.type === 'chunk')
        for (const id of chunk.moduleIds) {
          const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
          if (m) packages.add(m[1]);
        }
    const source = [...packages]
      .sort()
      .map((name) => {
        const { version, license } = JSON.parse(readFileSync(resolve(root, 'node_modules', name, 'package.json'), 'utf8'));
        const text = readFileSync(resolve(root, 'node_modules', name, 'LICENSE'), 'utf8').trim();
        return `${name}@${version} (${license})\n\n${text}\n`;
      })
      .join(`\n${'-'.repeat(72)}\n\n`);
    this.emitFile({ type: 'asset', fileName: 'THIRD-PARTY-NOTICES.txt', source: `dist/mobilise.js bundles:\n\n${source}` });
  },
});

/**
 * dist/mobilise.js, the script-tag embed, is built on its own after the library
 * build. Everything a page needs up front (runtime, contract, client, all four
 * elements) goes into ONE chunk, compressed as one file; only genuinely
 * on-demand code (the month grid) stays in its own lazy chunk. Shared with the
 * per-element entries it was 15 files, each gzipped alone: 7.4 KB more gzip.
 *
 * mobilise.js itself only re-exports the API from that chunk. Lazy chunks import
 * the hashed chunk, never the entry, so a page that adds `?ver=…` to the script
 * URL (WordPress does) still runs one copy of the code.
 */
const embedBundle = thenBuild('mobilise-embed-bundle', {
  plugins: [minifyTemplates(), upFrontImports(), litMessages(), litUnused(), litGlobals(), internalNames(), terserPass(), thirdPartyNotices()],
  resolve: { alias: zodLite },
  build: {
    ...libBuild({ mobilise: src('mobilise.ts') }),
    // The .map files are still written, but no file names its own: every page would otherwise download a
    // `//# sourceMappingURL=` line per file (0.07 KB gzip) that only DevTools reads. docs/embedding.md says how to load them.
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        ...output,
        codeSplitting: { groups: [{ name: 'mobilise', tags: ['$initial'] }] },
        // /* @__PURE__ */ marks only help a bundler that re-bundles; nothing re-bundles the embed.
        comments: { legal: true, annotation: false, jsdoc: false },
        // One notice, on the chunk that holds the bundled code.
        banner: (chunk) => (chunk.isEntry || chunk.isDynamicEntry ? '' : '/*! Mobilise widgets (MIT); bundled code licences: THIRD-PARTY-NOTICES.txt */'),
      },
    },
  },
});

/**
 * dist/contract.js, for servers and tests that share the schemas: real zod,
 * imported from the package's own zod dependency rather than bundled.
 */
const contractBuild = thenBuild('mobilise-contract-build', {
  build: { ...libBuild({ contract: src('contract/index.ts') }), rolldownOptions: { external: [/^zod(\/|$)/], output } },
});

/**
 * dist/admin/: the organiser console (src/admin.ts), served by the reference backend at
 * /admin. Its own build, so nothing of it is reachable from dist/mobilise.js or counted in
 * the embed's budget; on real zod, not zod-lite: the admin contract (src/contract/admin.ts)
 * uses more of zod than zod-lite covers.
 */
export const adminConsoleConfig: InlineConfig = {
  plugins: [minifyTemplates()],
  build: { ...libBuild({ admin: src('admin.ts') }), outDir: 'dist/admin', rolldownOptions: { output } },
};
const adminBuild = thenBuild('mobilise-admin-build', adminConsoleConfig);

/** The console alone (`npm start` builds it, so /admin works without `npm run build`). */
export const buildAdminConsole = () =>
  build({ configFile: false, root, logLevel: 'warn', ...adminConsoleConfig, build: { ...adminConsoleConfig.build, emptyOutDir: true } });

/**
 * dist/pathway/: "My Mobilise pathway" (src/pathway.ts), served by the reference backend at
 * /pathway. Its own build like the console's, outside the embed's budget; on zod-lite, which
 * covers the pathway's contract (src/contract/pathway-api.ts).
 */
export const pathwayConfig: InlineConfig = {
  plugins: [minifyTemplates()],
  resolve: { alias: zodLite },
  build: { ...libBuild({ pathway: src('pathway.ts') }), outDir: 'dist/pathway', rolldownOptions: { output } },
};
const pathwayBuild = thenBuild('mobilise-pathway-build', pathwayConfig);

/** The pathway page alone (`npm start` builds it with the console). */
export const buildPathway = () =>
  build({ configFile: false, root, logLevel: 'warn', ...pathwayConfig, build: { ...pathwayConfig.build, emptyOutDir: true } });

/**
 * dist/request/: "Ask for this module near me" (src/request.ts), served by the reference backend at
 * /request. Its own build like the pathway's, outside the embed's budget (the embed only links to it).
 */
export const requestConfig: InlineConfig = {
  plugins: [minifyTemplates()],
  resolve: { alias: zodLite },
  build: { ...libBuild({ request: src('request.ts') }), outDir: 'dist/request', rolldownOptions: { output } },
};
const requestBuild = thenBuild('mobilise-request-build', requestConfig);

/** The request page alone (`npm start` builds it with the console). */
export const buildRequest = () =>
  build({ configFile: false, root, logLevel: 'warn', ...requestConfig, build: { ...requestConfig.build, emptyOutDir: true } });

/**
 * dist/booking/: "Your booking" (src/booking.ts), served by the reference backend at /booking, where
 * every emailed confirm and manage link leads. Its own build like the request page's, outside the
 * embed's budget (the embed only forwards old links there).
 */
export const bookingConfig: InlineConfig = {
  plugins: [minifyTemplates()],
  resolve: { alias: zodLite },
  build: { ...libBuild({ booking: src('booking.ts') }), outDir: 'dist/booking', rolldownOptions: { output } },
};
const bookingBuild = thenBuild('mobilise-booking-build', bookingConfig);

/** The booking page alone (`npm start` builds it with the console). */
export const buildBooking = () =>
  build({ configFile: false, root, logLevel: 'warn', ...bookingConfig, build: { ...bookingConfig.build, emptyOutDir: true } });

/**
 * Library build: one ES module per entry (lit bundled in) sharing chunks, for
 * npm users and pages that want a single element. `define` (src/mobilise.ts
 * again) registers all four elements through the same chunks as `index`, so an
 * npm app that imports both gets one copy of each class: it is what the package's
 * "./define" export should point at, leaving dist/mobilise.js to script tags.
 * The dev server (npm start) serves demo/ against the reference backend.
 */
export default defineConfig({
  plugins: [minifyTemplates(), embedBundle, contractBuild, adminBuild, pathwayBuild, requestBuild, bookingBuild],
  resolve: { alias: zodLite },
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  build: {
    ...libBuild({
      define: src('mobilise.ts'),
      provider: src('context/define.ts'),
      'module-catalogue': src('elements/module-catalogue/define.ts'),
      'session-calendar': src('elements/session-calendar/define.ts'),
      'signup-form': src('elements/signup-form/define.ts'),
      index: src('index.ts'),
    }),
    emptyOutDir: true,
    rolldownOptions: { output },
  },
});
