import { createContext } from '@lit/context';

/** What a `<mobilise-provider>` shares with every element inside it. */
export interface MobiliseConfig {
  endpoint?: string;
  /** Area/CLP filter applied to sessions, e.g. "Glasgow". */
  area?: string;
  /** The provider's BCP 47 locale ('' when unset: then the nearest `lang` decides); times are always in Europe/London. */
  locale: string;
  /** Privacy notice linked from the signup consent. */
  privacyUrl?: string;
  /** Level of each element's top heading (2–6); an element's own `heading-level` wins. */
  headingLevel?: number;
}

/** Registered symbol so two copies of the bundle on one page still talk to each other. */
export const configContext = createContext<MobiliseConfig>(Symbol.for('mobilise-config'));

/** Cross-element selection: catalogue → calendar (module), calendar → signup form (session). */
export interface Selection {
  moduleId?: string;
  sessionId?: string;
}

/**
 * Elements never write this: they dispatch `mobilise-*-select` events and the
 * provider answers by providing a new Selection object (one-way data flow).
 */
export const selectionContext = createContext<Selection>(Symbol.for('mobilise-selection'));

export const DEFAULT_LOCALE = 'en-GB';
export const TIME_ZONE = 'Europe/London';
