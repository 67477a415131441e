import { html, nothing } from 'lit';
import { localised, type Module, type Session } from '../../contract/index.js';
import { strings } from '../../strings/current.js';
import { formatDay } from '../shared/format.js';
import { availability } from './summary.js';

/** A session the form offers to book in the same signup. */
export interface SeriesOffer {
  session: Session;
  module: Module;
}

export interface Series {
  offers: SeriesOffer[];
  /** A module this one builds on: the note names it, whether or not a session of it is offered. */
  buildsOn?: Module;
}

/**
 * What goes with this session in one signup (the server's series rules, server/store/series-rules.ts):
 * per linked module (one this builds on, one that builds on this, or another part of its series),
 * its first open session in the same area, before this one if needed first, after it if it needs
 * this one. At most five, as the contract allows.
 */
export function seriesOf(session: Session, module: Module, sessions: Session[], modules: Module[], now: number): Series {
  const start = Date.parse(session.start);
  const offers: SeriesOffer[] = [];
  let buildsOn: Module | undefined;
  for (const other of modules) {
    const needed = module.prerequisites.includes(other.id);
    const after = other.prerequisites.includes(module.id);
    if (other === module || !(needed || after || (module.series && other.series === module.series))) continue;
    const found = sessions.find(
      (s) =>
        s.moduleId === other.id &&
        s.area === session.area &&
        (!needed || Date.parse(s.start) < start) &&
        (!after || Date.parse(s.start) > start) &&
        availability(s, now) === 'open',
    );
    if (found) offers.push({ session: found, module: other });
    if (needed) buildsOn ??= other;
  }
  return { offers: offers.slice(0, 5), buildsOn };
}

/**
 * The note and one checkbox per offer, above the submit button. The ticked ids live in `ticked`,
 * kept by the form: toggling one keeps the signup's idempotency key (a retry after a lost answer
 * that now names more sessions is refused as a different signup, in words, rather than booking twice).
 */
export function renderSeries({ offers, buildsOn }: Series, ticked: Set<string>, onChange: (e: Event) => void, locale: string) {
  const title = (m: Module) => localised(m, 'title', locale).text;
  return html`${buildsOn ? html`<p class="hint" part="hint">${strings.signup.buildsOn(title(buildsOn))}</p>` : nothing}
  ${offers.map(
    ({ session, module }) => html`<div class="field" part="field">
      <div class="choice">
        <input type="checkbox" id="also-${session.id}" value=${session.id} part="choice" .checked=${ticked.has(session.id)} @change=${onChange} />
        <label for="also-${session.id}" part="choice-label">${strings.signup.alsoBook(title(module), formatDay(session.start, locale))}</label>
      </div>
    </div>`,
  )}`;
}
