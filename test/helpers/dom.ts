/**
 * What browser tests assert on instead of DOM nodes: a node in a failed assertion
 * used to freeze the page (see fail-fast.ts), and a boolean or a name reads better
 * in a report anyway.
 */

function label(node: Element): string {
  const id = node.id ? `#${node.id}` : '';
  const part = node.getAttribute('part') ? `[part="${node.getAttribute('part')}"]` : '';
  const classes = !id && node.classList.length ? `.${[...node.classList].join('.')}` : '';
  return `<${node.localName}${id}${part}${classes}>`;
}

/**
 * A readable name for `node` that no other element in its root shares: tag, id, part
 * and classes, and its position among look-alikes when those are not enough. Equal
 * names mean the same node, so comparing names keeps a node comparison's meaning.
 */
export function nameOf(node: Element | null | undefined): string {
  if (!node) return 'nothing';
  const name = label(node);
  const root = node.getRootNode() as ParentNode;
  const alike = [...root.querySelectorAll(node.localName)].filter((n) => label(n) === name);
  return alike.length > 1 ? `${name} (${alike.indexOf(node) + 1} of ${alike.length})` : name;
}

/** Where `node` searches: inside an element's shadow root when it has one. */
const scope = (node: Element | ShadowRoot | Document): ParentNode => (node instanceof Element && node.shadowRoot) || node;

/** The name of the focused element inside `node`: a host's shadow root, a shadow root or a document. */
export function focusedName(node: Element | ShadowRoot | Document): string {
  return nameOf((node instanceof Element ? node.shadowRoot : node)?.activeElement);
}

/** Whether anything inside `node` (its shadow root when it has one) matches `selector`. */
export function has(node: Element | ShadowRoot | Document, selector: string): boolean {
  return scope(node).querySelector(selector) !== null;
}
