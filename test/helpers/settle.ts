/**
 * Checks shared by the fuzz and fault tests: wait until an element shows a
 * settled state (data, empty, or a human error message), watch for uncaught
 * errors, and search every shadow root for anything a hostile payload injected.
 */

import { render } from 'lit';
import { ACCESS_PATHS } from '../../src/elements/session-calendar/access-features.js';
import { icon, type IconName } from '../../src/elements/shared/icons.js';

export type Settled = 'data' | 'empty' | 'error' | 'result' | 'not-found' | 'no-session';

export interface SettledState {
  kind: Settled;
  /** Visible text of the part that decided the state. */
  text: string;
}

const SETTLED_PROBES: Record<string, [Settled, string][]> = {
  'mobilise-module-catalogue': [
    ['error', '[part~="error"]'],
    ['empty', '[part~="empty"]'],
    ['data', '[part~="card"]'],
  ],
  'mobilise-session-calendar': [
    ['error', '[part~="error"]'],
    ['data', '[part~="session"]'],
    ['data', '[part~="grid"]'],
    ['empty', '[part~="empty"]'],
  ],
  'mobilise-signup-form': [
    ['error', '[part~="error"]'],
    ['result', '[part~="result"]'],
    ['data', 'form[part~="form"]'],
    ['not-found', '#heading ~ p.state.error'],
    ['no-session', '#heading ~ p.state'],
  ],
};

const MONTH_PROBES: [Settled, string][] = [
  ['error', '[part~="error"]'],
  ['data', '[part~="grid"]'],
];

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The settled state an element shows right now, or undefined while it is still loading. */
export function settledState(el: HTMLElement): SettledState | undefined {
  const root = el.shadowRoot;
  // The month grid loads lazily: until it is there the calendar is still loading, even when it has data.
  const month = el.localName === 'mobilise-session-calendar' && el.getAttribute('view') === 'month';
  const probes = month ? MONTH_PROBES : SETTLED_PROBES[el.localName];
  if (!root || !probes) return undefined;
  if (root.querySelector('[aria-busy="true"]') && !root.querySelector('[part~="error"]')) return undefined;
  for (const [kind, selector] of probes) {
    const node = root.querySelector(selector);
    if (node) return { kind, text: squash(node.textContent) };
  }
  return undefined;
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Wait until `el` shows a settled state and has finished rendering it. Polls on
 * timers, not animation frames (background test tabs get no frames).
 */
export async function waitSettled(el: HTMLElement & { updateComplete?: Promise<unknown> }, timeoutMs = 4000): Promise<SettledState> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    await el.updateComplete;
    const state = settledState(el);
    if (state) {
      await el.updateComplete;
      const again = settledState(el);
      if (again) return again;
    }
    if (performance.now() > deadline) {
      throw new Error(`<${el.localName}> did not settle within ${timeoutMs} ms; it shows: ${squash(el.shadowRoot?.textContent).slice(0, 300)}`);
    }
    await tick(4);
  }
}

/** Every shadow root under `node`, however deep (elements nest: calendar → dialog → form). */
export function shadowRoots(node: Node = document): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const walk = (n: Node) => {
    const all = (n as ParentNode).querySelectorAll?.('*') ?? [];
    for (const el of all) {
      if (el.shadowRoot) {
        out.push(el.shadowRoot);
        walk(el.shadowRoot);
      }
    }
  };
  walk(node);
  return out;
}

/** webcal: is the calendar's "Subscribe to these sessions": an https address a calendar app fetches. */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'blob:', 'mailto:', 'tel:', 'webcal:']);

/** The drawings of the elements' own icons (shared/icons.ts, and the calendar's access features), as they render them. */
const OWN_ICONS = new Set(
  [...(['date', 'time', 'place', 'online', 'access'] satisfies IconName[]).map((name) => icon(name)), ...ACCESS_PATHS.map((d) => icon(d))].map((drawing) => {
    const box = document.createElement('div');
    render(drawing, box);
    return box.querySelector('svg')!.outerHTML.replace(/<!--.*?-->/g, '');
  }),
);
/** One of those icons, exactly: nothing added to it, no other drawing. */
const ownIcon = (el: Element) => el.localName === 'svg' && OWN_ICONS.has(el.outerHTML.replace(/<!--.*?-->/g, ''));

/** The calendar's JSON-LD for search engines: a data block (never run), its only attribute the type, JSON with no `<` in it. */
function ownJsonLd(el: Element) {
  if (el.localName !== 'script' || el.parentElement?.localName !== 'mobilise-session-calendar') return false;
  if (el.attributes.length !== 1 || el.getAttribute('type') !== 'application/ld+json' || el.textContent!.includes('<')) return false;
  try {
    return typeof JSON.parse(el.textContent!) === 'object';
  } catch {
    return false;
  }
}

/**
 * Anything a payload could have injected: script-capable elements, inline event
 * handlers, or links and sources with a script URL. Empty means clean.
 */
export function injectedNodes(roots: (ShadowRoot | Document | Element)[]): string[] {
  const found: string[] = [];
  for (const root of roots) {
    for (const el of root.querySelectorAll('script, img, svg, iframe, object, embed, frame, math, base, meta, link:not([rel="stylesheet"])')) {
      if (!ownIcon(el) && !ownJsonLd(el)) found.push(`<${el.localName}> in ${describe(root)}`);
    }
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${attr.name} on <${el.localName}> in ${describe(root)}`);
        if (/^(href|src|action|formaction|xlink:href|srcdoc)$/i.test(attr.name)) {
          if (attr.name === 'srcdoc') found.push(`srcdoc on <${el.localName}>`);
          else if (!attr.value.startsWith('#')) {
            let scheme = '';
            try {
              scheme = new URL(attr.value, location.href).protocol;
            } catch {
              scheme = 'unparseable';
            }
            if (!SAFE_SCHEMES.has(scheme)) found.push(`${attr.name}="${attr.value.slice(0, 60)}" (${scheme}) on <${el.localName}>`);
          }
        }
      }
    }
  }
  return found;
}

function describe(root: ShadowRoot | Document | Element) {
  return root instanceof ShadowRoot ? `<${root.host.localName}> shadow root` : root instanceof Document ? 'document' : `<${root.localName}>`;
}

/** Uncaught errors and unhandled rejections, collected until `stop()`. */
export function watchUncaught() {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message} ${e.error?.stack ?? ''}`.slice(0, 2000));
  const onRejection = (e: PromiseRejectionEvent) => {
    const r = e.reason as { stack?: string } | undefined;
    errors.push(`unhandledrejection: ${String(e.reason)} ${r?.stack ?? ''}`.slice(0, 2000));
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Let queued tasks (and any injected onerror/onload) run before checking. */
export const flushTasks = () => tick(0);

/**
 * Resolves once harmless copies of the payloads that fire by themselves later (an image
 * that fails to load, a srcdoc frame's load, an open <details>' toggle) have fired.
 * Started after any injected payload, they fire after it: a definite signal that an
 * injected handler has had its turn, where a fixed sleep only hopes so. (An inserted
 * `<svg onload>` fires at once or, in Chromium, not at all.)
 */
export async function payloadsHadTheirTurn(): Promise<void> {
  const box = document.createElement('div');
  box.style.cssText = 'position: absolute; left: -9999px; width: 10px; height: 10px; overflow: hidden';
  const fired = (node: Element, type: string) => new Promise((resolve) => node.addEventListener(type, resolve, { once: true }));
  const img = document.createElement('img');
  const frame = document.createElement('iframe');
  const details = document.createElement('details');
  const events = [fired(img, 'error'), fired(frame, 'load'), fired(details, 'toggle')];
  img.src = 'x';
  frame.srcdoc = '<p>';
  box.append(img, frame, details);
  document.body.append(box);
  details.open = true;
  try {
    await Promise.all(events);
    // Errors of images waiting on one response are queued together: let the rest of that batch run.
    await tick(0);
  } finally {
    box.remove();
  }
}
