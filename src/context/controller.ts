import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getClient, type MobiliseClient } from '../client/index.js';
import { parseHeadingLevel } from '../elements/shared/heading.js';
import { stringsFor, use } from '../strings/current.js';
import type { Strings } from '../strings/en.js';
import { DEFAULT_LOCALE, configContext, selectionContext, type MobiliseConfig, type Selection } from './config.js';

type Host = ReactiveControllerHost & HTMLElement & { endpoint?: string | null; headingLevel?: number };

/**
 * Gives an element its effective config: its own `endpoint` attribute wins
 * over the provider's. Subscribes to provider changes and to the shared
 * selection, re-rendering the host on either.
 */
export class MobiliseController implements ReactiveController {
  readonly #configConsumer: ContextConsumer<typeof configContext, Host>;
  readonly #selectionConsumer: ContextConsumer<typeof selectionContext, Host>;

  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
    this.#configConsumer = new ContextConsumer(host, { context: configContext, subscribe: true });
    this.#selectionConsumer = new ContextConsumer(host, { context: selectionContext, subscribe: true });
  }

  /** Just before the host renders: its strings become the ones its render helpers read. */
  hostUpdate() {
    use(this.strings);
  }

  get config(): MobiliseConfig {
    return this.#configConsumer.value ?? { locale: '' };
  }

  get selection(): Selection {
    return this.#selectionConsumer.value ?? {};
  }

  /** Inside a provider, selections flow through it; standalone elements keep their own. */
  get hasProvider(): boolean {
    return this.#configConsumer.value !== undefined;
  }

  get endpoint(): string | undefined {
    return this.#host.endpoint || this.config.endpoint || undefined;
  }

  /** The element's top heading level: its own `heading-level`, else the provider's, else the element's default. */
  headingLevel(fallback: number): number {
    return parseHeadingLevel(this.#host.headingLevel) ?? parseHeadingLevel(this.config.headingLevel) ?? fallback;
  }

  /** The provider's `locale`, else the nearest `lang` (the element's own, the provider's, the page's), else en-GB. */
  get locale(): string {
    return this.config.locale || this.#host.closest('[lang]')?.getAttribute('lang') || DEFAULT_LOCALE;
  }

  /** The element's strings in its locale: English while another language's pack loads, then a re-render. */
  get strings(): Strings {
    return stringsFor(this.locale, () => this.#host.requestUpdate());
  }

  /** The shared client for the effective endpoint; throws a `config` MobiliseError with a webmaster-facing message. */
  client(): MobiliseClient {
    return getClient(this.endpoint ?? '');
  }
}
