/**
 * One render for every element story: each arg reaches the element, so every control in the
 * panel changes the story. Attribute args become attributes, `--mobilise-*` args inline custom
 * properties, `on…` spies listeners for the event they are named after.
 */
import type { Args, StoryContext } from '@storybook/web-components-vite';
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { category, handlerName } from './api.js';
import { endpointFor } from './mocks.js';

type ArgTypesOf = StoryContext['argTypes'];

class ApplyArgs extends Directive {
  readonly #handlers = new Map<string, (e: Event) => void>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('applyArgs() goes on an element: <x ${applyArgs(...)}>');
  }

  render(_args: Args, _argTypes: ArgTypesOf) {
    return noChange;
  }

  override update(part: ElementPart, [args, argTypes]: [Args, ArgTypesOf]) {
    const el = part.element as HTMLElement;
    for (const [key, type] of Object.entries(argTypes)) {
      const value: unknown = args[key];
      if (type.table?.category === category.attributes) {
        // Unset, '' and false mean "no attribute", as a page author would write it.
        if (value === undefined || value === null || value === '' || value === false) el.removeAttribute(key);
        else el.setAttribute(key, value === true ? '' : String(value));
      } else if (key.startsWith('--')) {
        if (value) el.style.setProperty(key, String(value));
        else el.style.removeProperty(key);
      }
    }
    for (const [key, value] of Object.entries(args)) {
      if (!/^on[A-Z]/.test(key) || typeof value !== 'function') continue;
      const event = key.slice(2).replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase());
      if (handlerName(event) !== key) continue;
      // One listener per event for the element's life; it calls whichever spy the args hold now.
      if (!this.#handlers.has(event)) el.addEventListener(event, (e) => this.#handlers.get(event)?.(e));
      this.#handlers.set(event, value as (e: Event) => void);
    }
    return noChange;
  }
}

/** Applies `args` to the element it sits on, per their `argTypes` (see the file comment). */
export const applyArgs = directive(ApplyArgs);

/**
 * The story's element with every arg applied. An empty `endpoint` means the story's own mocked
 * backend (mocks.ts endpointFor); type any other to see what the element does with it.
 */
export const renderElement =
  (tag: string) =>
  (args: Args, { id, argTypes }: StoryContext) => {
    const t = unsafeStatic(tag);
    return html`<${t} ${applyArgs({ ...args, endpoint: args.endpoint || endpointFor(id) }, argTypes)}></${t}>`;
  };
