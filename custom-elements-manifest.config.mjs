/**
 * Generates custom-elements.json (shipped in the package; drives Storybook's Docs tables and Controls).
 * The plugins below keep it to the public API a page author can use.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** `@cssproperty --name - description` tags in a file's JSDoc, one per tag (descriptions may wrap). */
function cssPropertiesIn(file) {
  const text = readFileSync(file, 'utf8');
  const tags = text.matchAll(/@cssprop(?:erty)?\s+(--[\w-]+)\s*-?\s*([\s\S]*?)(?=\n\s*\*\s*@|\*\/)/g);
  return [...tags].map(([, name, description]) => ({ name, description: description.replace(/\s*\n\s*\*\s*/g, ' ').trim() }));
}

/**
 * Members only the element itself uses (`#private`, `private`, `protected`, `@internal`) are not API:
 * without this, Storybook lists `#ctx`, `#task`… as properties. The analyzer already drops `@internal` ones.
 */
const publicApiOnly = {
  name: 'mobilise-public-api-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const decl of mod.declarations ?? []) {
        if (decl.members) decl.members = decl.members.filter((m) => !m.name.startsWith('#') && (m.privacy ?? 'public') === 'public');
      }
    }
  },
};

/**
 * A class's `static styles` list names shared style sheets (base.styles.ts documents the theme tokens
 * every element reads); their `@cssproperty` tags belong to each element that uses them. The
 * element's own tag for a token wins: it says what that token does there.
 */
const sharedCssProperties = {
  name: 'mobilise-shared-css-properties',
  analyzePhase({ ts, node, moduleDoc }) {
    if (!ts.isClassDeclaration(node) || !node.name) return;
    const styles = node.members.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'styles');
    if (!styles?.initializer) return;
    const used = new Set();
    const visit = (n) => (ts.isIdentifier(n) ? used.add(n.text) : ts.forEachChild(n, visit));
    visit(styles.initializer);
    const decl = moduleDoc.declarations.find((d) => d.name === node.name.text);
    if (!decl) return;
    decl.cssProperties ??= [];
    for (const statement of node.getSourceFile().statements) {
      if (!ts.isImportDeclaration(statement)) continue;
      const names = statement.importClause?.namedBindings;
      if (!names || !ts.isNamedImports(names) || !names.elements.some((e) => used.has(e.name.text))) continue;
      const from = statement.moduleSpecifier.text;
      if (!from.startsWith('.')) continue;
      for (const prop of cssPropertiesIn(join(dirname(moduleDoc.path), from.replace(/\.js$/, '.ts')))) {
        if (!decl.cssProperties.some((p) => p.name === prop.name)) decl.cssProperties.push(prop);
      }
    }
    if (!decl.cssProperties.length) delete decl.cssProperties;
  },
};

/**
 * `view: CalendarView` tells a reader nothing; `'agenda' | 'month'` does, and lets Storybook offer the
 * choices. Aliases anywhere in src/ of a string-literal union, or of `(typeof LIST)[number]` where LIST
 * is an `as const` array of strings (one source per enum), are written out in members and attributes.
 */
const unions = new Map();
/** `as const` string arrays by `file#name`: two files may each have their own LAYOUTS. */
const constLists = new Map();
/** Where `name` comes from in `file`: declared there, or imported from a relative module. */
function origin(ts, file, name) {
  for (const s of file.statements) {
    const names = ts.isImportDeclaration(s) && s.importClause?.namedBindings;
    const spec = names && ts.isNamedImports(names) && names.elements.find((e) => e.name.text === name);
    if (spec && s.moduleSpecifier.text.startsWith('.')) {
      return `${join(dirname(file.fileName), s.moduleSpecifier.text.replace(/\.js$/, '.ts'))}#${(spec.propertyName ?? spec.name).text}`;
    }
  }
  return `${join(file.fileName)}#${name}`;
}
const expandLiteralUnions = {
  name: 'mobilise-expand-literal-unions',
  collectPhase({ ts, node }) {
    const strings = (nodes) => (nodes.every((n) => ts.isStringLiteral(n)) ? nodes.map((n) => `'${n.text}'`) : undefined);
    const file = node.getSourceFile?.();
    if (ts.isVariableDeclaration(node) && node.initializer && ts.isAsExpression(node.initializer) && ts.isArrayLiteralExpression(node.initializer.expression)) {
      const list = strings(node.initializer.expression.elements);
      if (list) constLists.set(`${join(file.fileName)}#${node.name.getText()}`, list);
    }
    if (!ts.isTypeAliasDeclaration(node)) return;
    const type = node.type;
    if (ts.isUnionTypeNode(type)) {
      const list = strings(type.types.map((t) => (ts.isLiteralTypeNode(t) ? t.literal : t)));
      if (list) unions.set(node.name.text, () => list);
    }
    const of = type.getText().match(/^\(typeof (\w+)\)\[number\]$/);
    if (of) {
      const key = origin(ts, file, of[1]);
      unions.set(node.name.text, () => constLists.get(key));
    }
  },
  packageLinkPhase({ customElementsManifest }) {
    const expand = (type) => {
      const m = type?.text.match(/^(\w+)( \| undefined)?$/);
      const list = m && unions.get(m[1])?.();
      if (list) type.text = list.join(' | ') + (m[2] ?? '');
    };
    for (const mod of customElementsManifest.modules) {
      for (const decl of mod.declarations ?? []) for (const item of [...(decl.members ?? []), ...(decl.attributes ?? [])]) expand(item.type);
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  // package.json names the manifest itself; the analyzer must not rewrite it.
  packagejson: false,
  plugins: [publicApiOnly, sharedCssProperties, expandLiteralUnions],
};
