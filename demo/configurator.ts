/**
 * Embed configurator: a form that writes the snippet a CLP webmaster pastes into
 * their site, with a live preview rendered by the library itself.
 *
 * Works under a strict CSP: no inline scripts, no inline handlers, no style
 * attributes in markup (the preview's accent is set through the CSSOM).
 * The snippet and the preview are built from one description (`embedPlan`), so
 * what you see is what you paste. Pure helpers are exported for the tests.
 */
import '../src/mobilise.js';
import { getClient, isMobiliseError, resolveEndpoint, type EndpointMode } from '../src/client/index.js';
import { DELIVERY_MODES, parseEnum, type Delivery, type Module, type Session } from '../src/contract/index.js';
import { safeHref } from '../src/elements/signup-form/fields.js';
import { formatShortDay, formatTime } from '../src/elements/shared/format.js';

export const ELEMENT_CHOICES = ['all', 'catalogue', 'calendar', 'signup'] as const;
export type ElementChoice = (typeof ELEMENT_CHOICES)[number];
export const VIEWS = ['agenda', 'month'] as const;
export const LAYOUTS = ['cards', 'list'] as const;

export const DEFAULT_ACCENT = '#e4003b';
export const PLACEHOLDER_SCRIPT = 'https://YOUR-CDN/mobilise.js';
/** WCAG 2.2 AA for normal-size text (button labels). */
export const MIN_CONTRAST = 4.5;

export interface EmbedOptions {
  endpoint: string;
  elements: ElementChoice;
  /** Provider `area`: only sessions for this area or CLP are loaded. */
  area: string;
  layout: (typeof LAYOUTS)[number];
  view: (typeof VIEWS)[number];
  module: string;
  delivery: Delivery | '';
  /** Only for a signup form on its own, which needs a session to sign up for. */
  sessionId: string;
  accent: string;
  privacyUrl: string;
  fallbackUrl: string;
  scriptUrl: string;
  integrity: string;
}

export const DEFAULTS: EmbedOptions = {
  endpoint: 'http://127.0.0.1:8787',
  elements: 'all',
  area: '',
  layout: 'cards',
  view: 'agenda',
  module: '',
  delivery: '',
  sessionId: '',
  accent: DEFAULT_ACCENT,
  privacyUrl: '',
  fallbackUrl: '',
  scriptUrl: PLACEHOLDER_SCRIPT,
  integrity: '',
};

// ---------------------------------------------------------------------------
// Pure helpers
// ---------------------------------------------------------------------------

/** Safe inside a double-quoted attribute value and in text: nothing can close the tag or start a new one. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** "#abc" or "#aabbcc" (any case) → "#aabbcc"; anything else → undefined. */
export function normaliseHex(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  const short = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(v);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  const long = /^#?([0-9a-f]{6})$/.exec(v);
  return long ? `#${long[1]}` : undefined;
}

/** WCAG 2.x relative luminance of a "#rrggbb" colour. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio between two "#rrggbb" colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Rounded down, so 4.48:1 never reads as a passing "4.5:1". */
export const formatRatio = (ratio: number) => `${(Math.floor(ratio * 100) / 100).toFixed(2).replace(/\.?0+$/, '')}:1`;

export type EndpointCheck = { ok: true; mode: EndpointMode; url: string } | { ok: false; message: string };

/** The library's own check, so the message here is the one the widget would show. */
export function checkEndpoint(value: string, base: string): EndpointCheck {
  try {
    const { mode, url } = resolveEndpoint(value, base);
    return { ok: true, mode, url };
  } catch (e) {
    return { ok: false, message: isMobiliseError(e) ? e.message : String(e) };
  }
}

const SRI = /^(sha256|sha384|sha512)-[A-Za-z0-9+/]+={0,2}$/;

/** A bare email address becomes a mailto: link; web addresses are kept as typed. */
export function fallbackHref(value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (/^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(v)) return `mailto:${v}`;
  try {
    const u = new URL(v);
    return ['https:', 'http:', 'mailto:'].includes(u.protocol) ? v : undefined;
  } catch {
    return undefined;
  }
}

export type FieldName = 'endpoint' | 'accent' | 'privacyUrl' | 'fallbackUrl' | 'scriptUrl' | 'integrity' | 'sessionId';

/** Field messages, GOV.UK style: say what to do. Empty object = nothing to fix. */
export function validateOptions(o: EmbedOptions, base: string): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  const endpoint = checkEndpoint(o.endpoint, base);
  if (!endpoint.ok) errors.endpoint = endpoint.message;
  if (o.accent.trim() && !normaliseHex(o.accent)) errors.accent = 'Enter a colour as a hex code, like #e4003b';
  if (o.privacyUrl.trim() && !safeHref(o.privacyUrl.trim()))
    errors.privacyUrl = 'Enter a web address starting with https://, like https://example.org/privacy';
  if (o.fallbackUrl.trim() && !fallbackHref(o.fallbackUrl))
    errors.fallbackUrl = 'Enter a web address starting with https://, or an email address like training@example.org';
  const script = o.scriptUrl.trim();
  if (!script) errors.scriptUrl = 'Enter the address of mobilise.js, like https://cdn.example.org/mobilise/mobilise.js';
  else if (!safeHref(script)) errors.scriptUrl = 'Enter a web address starting with https://, like https://cdn.example.org/mobilise/mobilise.js';
  const integrity = o.integrity.trim();
  if (integrity && !integrity.split(/\s+/).every((t) => SRI.test(t)))
    errors.integrity = 'Enter the integrity value as sha384- followed by the hash, or leave it empty';
  if (o.elements === 'signup' && !o.sessionId) errors.sessionId = 'Choose the session this form signs people up for';
  return errors;
}

/** Things that will not stop the snippet working here but will on a real site. */
export function snippetNotes(o: EmbedOptions, base: string): string[] {
  const notes: string[] = [];
  const script = o.scriptUrl.trim();
  if (/YOUR-CDN/i.test(script)) notes.push('Replace https://YOUR-CDN/mobilise.js with the address where you uploaded mobilise.js.');
  const endpoint = checkEndpoint(o.endpoint, base);
  if (endpoint.ok) {
    const host = new URL(endpoint.url).hostname;
    // Plain http:// elsewhere is refused by the library itself (an error above, not a note).
    if (host === '127.0.0.1' || host === 'localhost' || host === '[::1]')
      notes.push('The endpoint is this computer (127.0.0.1 or localhost): visitors to your site cannot reach it. Use your training server’s address.');
  }
  if (script.startsWith('http:')) notes.push('The script address uses http://. Use https:// so secure websites can load it.');
  if (!fallbackHref(o.fallbackUrl))
    notes.push('Add a booking or contact page, so visitors without JavaScript still get a way to book.');
  return notes;
}

export interface PlannedElement {
  tag: string;
  attrs: [name: string, value: string][];
}

export interface EmbedPlan {
  provider: PlannedElement;
  children: PlannedElement[];
  /** Normalised "#rrggbb", or undefined for the default colour. */
  accent?: string;
}

/**
 * What to put on the page, for both the snippet and the preview. Always wrapped
 * in a provider: it carries the endpoint, area and privacy link for every element
 * inside it and wires them together. Default values are left out.
 */
export function embedPlan(o: EmbedOptions): EmbedPlan {
  const attrs = (pairs: [string, string][]) => pairs.filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()] as [string, string]);
  const provider: PlannedElement = {
    tag: 'mobilise-provider',
    attrs: attrs([
      ['endpoint', o.endpoint],
      ['area', o.area],
      ['privacy-url', o.privacyUrl],
    ]),
  };
  const catalogue = { tag: 'mobilise-module-catalogue', attrs: attrs([['layout', o.layout === 'cards' ? '' : o.layout]]) };
  const calendar = {
    tag: 'mobilise-session-calendar',
    attrs: attrs([
      ['view', o.view === 'agenda' ? '' : o.view],
      ['module', o.module],
      ['delivery', o.delivery],
    ]),
  };
  const form = { tag: 'mobilise-signup-form', attrs: attrs([['session-id', o.elements === 'signup' ? o.sessionId : '']]) };
  const children =
    o.elements === 'catalogue' ? [catalogue] : o.elements === 'calendar' ? [calendar] : o.elements === 'signup' ? [form] : [catalogue, calendar, form];
  const accent = normaliseHex(o.accent);
  return { provider, children, accent: accent && accent !== DEFAULT_ACCENT ? accent : undefined };
}

const openTag = ({ tag, attrs }: PlannedElement) =>
  `<${tag}${attrs.map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('')}>`;

/** The ready-to-paste HTML. Every value typed into the form is escaped; the colour is only ever a validated hex code. */
export function buildSnippet(o: EmbedOptions): string {
  const plan = embedPlan(o);
  const integrity = o.integrity.trim();
  const script = `<script type="module" src="${escapeHtml(o.scriptUrl.trim())}"${
    integrity ? ` integrity="${escapeHtml(integrity)}" crossorigin="anonymous"` : ''
  }></script>`;
  const lines = ['<!-- Mobilise training widgets -->', script];
  if (plan.accent) lines.push('<style>', `  mobilise-provider { --mobilise-accent: ${plan.accent}; }`, '</style>');
  lines.push(openTag(plan.provider));
  for (const child of plan.children) lines.push(`  ${openTag(child)}</${child.tag}>`);
  lines.push('</mobilise-provider>');
  const href = fallbackHref(o.fallbackUrl);
  const text = href
    ? `Our training sessions need JavaScript to show here. <a href="${escapeHtml(href)}">${
        href.startsWith('mailto:') ? 'Email us to book a place' : 'Book a place on our training page'
      }</a>.`
    : 'Our training sessions need JavaScript to show here. Contact your local Labour party to book a place.';
  lines.push('<noscript>', `  <p>${text}</p>`, '</noscript>');
  return lines.join('\n') + '\n';
}

/** The preview: real elements built with the DOM API from the same plan (no HTML parsing of typed values). */
export function renderPlan(plan: EmbedPlan, doc: Document = document): HTMLElement {
  const make = ({ tag, attrs }: PlannedElement) => {
    const el = doc.createElement(tag);
    for (const [k, v] of attrs) el.setAttribute(k, v);
    return el;
  };
  const provider = make(plan.provider);
  // CSSOM, not a style attribute: allowed under a strict CSP (no 'unsafe-inline').
  if (plan.accent) provider.style.setProperty('--mobilise-accent', plan.accent);
  provider.append(...plan.children.map(make));
  return provider;
}

/** "Tue 3 Dec, 6:30pm – Field organising part one (Glasgow)" */
export const sessionLabel = (s: Session, title: string) =>
  `${formatShortDay(s.start, 'en-GB')}, ${formatTime(s.start, 'en-GB')} – ${title} (${s.area})`;

// ---------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------

export interface Configurator {
  /** The options as the form currently says. */
  read(): EmbedOptions;
  /** Resolves once the preview and the module/session lists match the form. */
  settled(): Promise<void>;
  destroy(): void;
}

const PREVIEW_DELAY_MS = 250;

function must<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`configurator: ${selector} is missing from the page`);
  return el;
}

/** Wire the form in `root` (the page, or a test fixture holding the page's markup). */
export function mountConfigurator(root: ParentNode = document): Configurator {
  const form = must<HTMLFormElement>(root, '#configurator');
  const snippet = must<HTMLTextAreaElement>(root, '#snippet');
  const copy = must<HTMLButtonElement>(root, '#copy');
  const copyStatus = must<HTMLElement>(root, '#copy-status');
  const notes = must<HTMLUListElement>(root, '#snippet-notes');
  const preview = must<HTMLElement>(root, '#preview');
  const previewDark = must<HTMLInputElement>(root, '#preview-dark');
  const contrast = must<HTMLElement>(root, '#accent-contrast');
  const picker = must<HTMLInputElement>(root, '#accent-picker');
  const endpointMode = must<HTMLElement>(root, '#endpoint-mode');
  const moduleSelect = must<HTMLSelectElement>(root, '#module');
  const sessionSelect = must<HTMLSelectElement>(root, '#session-id');
  const listStatus = must<HTMLElement>(root, '#lists-status');
  const base = () => location.href;

  let previewKey = '';
  let listsKey = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: Promise<void> = Promise.resolve();
  let request = 0;

  const read = (): EmbedOptions => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    return {
      endpoint: text('endpoint'),
      elements: parseEnum(ELEMENT_CHOICES, text('elements')) ?? 'all',
      area: text('area'),
      layout: parseEnum(LAYOUTS, text('layout')) ?? 'cards',
      view: parseEnum(VIEWS, text('view')) ?? 'agenda',
      module: text('module'),
      delivery: parseEnum(DELIVERY_MODES, text('delivery')) ?? '',
      sessionId: text('sessionId'),
      accent: text('accent'),
      privacyUrl: text('privacyUrl'),
      fallbackUrl: text('fallbackUrl'),
      scriptUrl: text('scriptUrl'),
      integrity: text('integrity'),
    };
  };

  /** GOV.UK error pattern: message above the control, hidden "Error:" prefix, aria-invalid and aria-describedby. */
  const showErrors = (errors: Partial<Record<FieldName, string>>) => {
    for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-validate]')) {
      const name = control.name as FieldName;
      const message = errors[name];
      const box = must<HTMLElement>(form, `#${control.id}-error`);
      const described = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && id !== box.id);
      if (message) {
        box.replaceChildren(Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: 'Error: ' }), message);
        box.hidden = false;
        control.setAttribute('aria-invalid', 'true');
        described.unshift(box.id);
      } else {
        box.replaceChildren();
        box.hidden = true;
        control.removeAttribute('aria-invalid');
      }
      if (described.length) control.setAttribute('aria-describedby', described.join(' '));
      else control.removeAttribute('aria-describedby');
      control.closest('.field')?.classList.toggle('invalid', !!message);
    }
  };

  const showContrast = (accent: string) => {
    const hex = accent.trim() ? normaliseHex(accent) : DEFAULT_ACCENT;
    if (!hex) {
      contrast.textContent = '';
      contrast.className = 'contrast';
      return;
    }
    if (picker.value !== hex) picker.value = hex;
    const ratio = contrastRatio(hex, '#ffffff');
    const pass = ratio >= MIN_CONTRAST;
    contrast.className = `contrast ${pass ? 'pass' : 'fail'}`;
    contrast.textContent = pass
      ? `White text on this colour has a contrast ratio of ${formatRatio(ratio)}: it meets WCAG AA (at least 4.5:1).`
      : `Warning: white text on this colour has a contrast ratio of only ${formatRatio(ratio)}. WCAG AA needs at least 4.5:1 for button text. Choose a darker colour.`;
  };

  const showMode = (o: EmbedOptions) => {
    const check = checkEndpoint(o.endpoint, base());
    endpointMode.textContent = !check.ok
      ? ''
      : check.mode === 'static'
        ? 'Static file: the widgets read one JSON file. Signup links to the file’s signupUrl, if it has one.'
        : 'Mobilise server: the widgets load modules and sessions from it and send signups to it.';
  };

  const showSections = (o: EmbedOptions) => {
    for (const section of form.querySelectorAll<HTMLElement>('[data-for]')) {
      section.hidden = !section.dataset.for!.split(' ').includes(o.elements);
    }
  };

  const fillSelect = (select: HTMLSelectElement, first: string, items: [value: string, label: string][]) => {
    const keep = select.value;
    const options = [new Option(first, ''), ...items.map(([v, l]) => new Option(l, v))];
    select.replaceChildren(...options);
    select.value = items.some(([v]) => v === keep) ? keep : '';
  };

  /** Module and session choices come from the chosen endpoint, through the library's own client. */
  const loadLists = async (o: EmbedOptions) => {
    const key = JSON.stringify([o.endpoint.trim(), o.area.trim()]);
    if (key === listsKey) return;
    listsKey = key;
    const mine = ++request;
    let modules: readonly Module[] = [];
    let sessions: readonly Session[] = [];
    let failed = false;
    try {
      const client = getClient(o.endpoint.trim());
      const [m, s] = await Promise.all([client.getModules(), client.getSessions({ area: o.area.trim() || undefined })]);
      [modules, sessions] = [m.items, s.items];
    } catch {
      failed = true;
    }
    if (mine !== request) return; // a newer endpoint was typed meanwhile
    const titles = new Map(modules.map((m) => [m.id, m.title]));
    fillSelect(moduleSelect, 'All modules', modules.map((m) => [m.id, m.title]));
    const now = Date.now();
    const upcoming = sessions
      .filter((s) => s.status !== 'cancelled' && Date.parse(s.end) > now)
      .slice(0, 300)
      .map((s): [string, string] => [s.id, sessionLabel(s, titles.get(s.moduleId) ?? s.moduleId)]);
    fillSelect(sessionSelect, 'Choose a session', upcoming);
    listStatus.textContent = failed
      ? 'Could not load modules and sessions from this endpoint, so the module and session lists are empty. The preview shows why.'
      : '';
    update(false);
  };

  const updatePreview = () => {
    const o = read();
    const plan = embedPlan(o);
    const key = JSON.stringify(plan);
    if (key !== previewKey) {
      previewKey = key;
      preview.replaceChildren(renderPlan(plan));
    }
    return loadLists(o);
  };

  /** Snippet, messages and notes at once; the preview (which loads data) after a short pause in typing. */
  function update(debounce: boolean) {
    const o = read();
    const errors = validateOptions(o, base());
    showErrors(errors);
    showSections(o);
    showMode(o);
    showContrast(o.accent);
    snippet.value = buildSnippet(o);
    notes.replaceChildren(...snippetNotes(o, base()).map((text) => Object.assign(document.createElement('li'), { textContent: text })));
    notes.hidden = notes.childElementCount === 0;
    clearTimeout(timer);
    if (debounce) {
      pending = new Promise<void>((resolve) => {
        timer = setTimeout(() => void updatePreview().then(resolve, resolve), PREVIEW_DELAY_MS);
      });
    } else {
      pending = updatePreview();
    }
  }

  const onInput = (e: Event) => {
    if (e.target === picker) {
      must<HTMLInputElement>(form, '#accent').value = picker.value;
    }
    const typing = e.type === 'input' && (e.target as HTMLElement).matches('input[type="text"], input[type="url"], input:not([type])');
    update(typing);
  };

  const onCopy = async () => {
    copyStatus.textContent = '';
    try {
      await navigator.clipboard.writeText(snippet.value);
      // Cleared first, so a second copy is announced again.
      copyStatus.textContent = 'Copied';
    } catch {
      snippet.focus();
      snippet.select();
      copyStatus.textContent = 'Could not copy automatically. The code is selected: press Ctrl+C (or ⌘+C on a Mac) to copy it.';
    }
  };

  const onDark = () => preview.classList.toggle('dark', previewDark.checked);

  // Nothing to submit: Enter in a text field must not reload the page.
  const onSubmit = (e: Event) => e.preventDefault();

  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  form.addEventListener('submit', onSubmit);
  copy.addEventListener('click', onCopy);
  previewDark.addEventListener('change', onDark);
  onDark();
  update(false);

  return {
    read,
    settled: async () => {
      let seen: Promise<void>;
      do {
        seen = pending;
        await seen;
      } while (seen !== pending);
    },
    destroy() {
      clearTimeout(timer);
      request++;
      form.removeEventListener('input', onInput);
      form.removeEventListener('change', onInput);
      form.removeEventListener('submit', onSubmit);
      copy.removeEventListener('click', onCopy);
      previewDark.removeEventListener('change', onDark);
      preview.replaceChildren();
    },
  };
}

// On the configurator page itself (a module script runs after the document is parsed).
if (typeof document !== 'undefined' && document.querySelector('#configurator[data-autostart]')) mountConfigurator(document);
