import type { HoldKind, SignupStatus } from '../contract/index.js';

export interface ModuleSelectDetail {
  moduleId: string;
}
export interface SessionSelectDetail {
  sessionId: string;
  moduleId: string;
}
/** Deliberately no personal data: the host page may forward this to analytics. */
export interface SignupDetail {
  sessionId: string;
  status: SignupStatus;
  /** What is held until the member confirms by email: a place or a waiting-list slot. */
  hold: HoldKind;
}

declare global {
  interface HTMLElementEventMap {
    'mobilise-module-select': CustomEvent<ModuleSelectDetail>;
    'mobilise-session-select': CustomEvent<SessionSelectDetail>;
    'mobilise-signup': CustomEvent<SignupDetail>;
  }
}

/** Typed, composed, bubbling, cancelable: the host page may veto a selection with preventDefault(). */
export function emit<K extends 'mobilise-module-select' | 'mobilise-session-select' | 'mobilise-signup'>(
  target: EventTarget,
  type: K,
  detail: HTMLElementEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }));
}
