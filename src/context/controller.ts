import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getClient, type MobiliseClient } from '../client/index.js';
import { parseHeadingLevel } from '../elements/shared/heading.js';
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

  hostConnected() {}

  get config(): MobiliseConfig {
    return this.#configConsumer.value ?? { locale: DEFAULT_LOCALE };
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

  get locale(): string {
    return this.config.locale || DEFAULT_LOCALE;
  }

  /** The shared client for the effective endpoint; throws a `config` MobiliseError with a webmaster-facing message. */
  client(): MobiliseClient {
    return getClient(this.endpoint ?? '');
  }
}
