import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { DroppedItem } from '../../client/index.js';
import { AUDIENCES, STRANDS, TOOLS, parseEnum, type Module } from '../../contract/index.js';
import { MobiliseController, emit } from '../../context/index.js';
import { strings } from '../../strings/current.js';
import { moduleCount } from '../../strings/compose.js';
import { baseStyles } from '../shared/base.styles.js';
import { heading } from '../shared/heading.js';
import { renderSelectField } from '../shared/select-field.js';
import { renderDropped, renderError } from '../shared/states.js';
import { Task } from '../shared/task.js';
import { formatList, renderCard, renderSkeleton } from './card.js';
import {
  LAYOUTS,
  audienceLabels,
  countUpcoming,
  filterModules,
  hasFilters,
  prerequisitesOf,
  strandLabels,
  type Filters,
  type Layout,
} from './filter.js';
import { styles } from './module-catalogue.styles.js';

interface CatalogueData {
  modules: Module[];
  byId: Map<string, Module>;
  /** Upcoming sessions per module; undefined when sessions failed (modules still show). */
  counts?: Map<string, number>;
  dropped: DroppedItem[];
}

const warnUnknown = (attr: string, allowed: readonly string[]) => (value: string) =>
  console.warn(`[mobilise] <mobilise-module-catalogue ${attr}="${value}">: unknown value, expected one of ${allowed.join(', ')}.`);

const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * @tagname mobilise-module-catalogue
 * @summary The programme's training modules as filterable cards, each with its upcoming session count.
 *
 * @attr endpoint - Mobilise API base URL or static JSON file; defaults to the surrounding `<mobilise-provider>`'s.
 * @attr layout - `cards` (default, a responsive grid) or `list` (compact rows).
 * @attr strand - Initial strand filter, e.g. `field`, `digital`, `message`, `data`, `community`, `unions`, `clp`.
 * @attr audience - Initial audience filter: `new-activists`, `activists`, `candidates` or `role-holders`.
 * @attr tool - Initial tool filter, modules that teach it: `Contact Creator`, `Doorstep App`, `Dialogue`, `Organise`, `Insight` or `Mosaic` (any case).
 * @attr search - Initial search text.
 * @attr heading-level - Heading level of each card title, 2–6 (default: the provider's `heading-level`, else 3).
 *
 * @event mobilise-module-select - "See upcoming sessions" was pressed. Detail: `{ moduleId: string }`.
 *   Cancelable; inside a `<mobilise-provider>` it becomes the shared selection, so a calendar filters to that module.
 *
 * @csspart filters - The filter form.
 * @csspart count - The result count (a polite live region).
 * @csspart list - The list of cards (also the loading placeholder list).
 * @csspart card - One module.
 * @csspart card-title - A module's heading.
 * @csspart badge - Strand badge (and the "Selected" badge, which also has part `current`).
 * @csspart prerequisite - "Follows …" button that jumps to the earlier module.
 * @csspart sessions - A module's upcoming session count.
 * @csspart details - The expandable description.
 * @csspart select-button - "See upcoming sessions".
 * @csspart ask - "Ask for this module near me" on a card with no upcoming session (API mode: it opens the server's request page).
 * @csspart empty - Empty and no-match messages.
 * @csspart clear-button - "Clear filters" in the no-match message.
 * @csspart error - Error message.
 * @csspart retry - "Try again" button.
 * @csspart notice - Note about items the server sent incomplete.
 *
 * @cssproperty --mobilise-catalogue-min-card - Minimum card width in the grid (default 18em).
 * @cssproperty --mobilise-accent - "See upcoming sessions", the selected card's edge and its "Selected" badge.
 * @cssproperty --mobilise-accent-text - Strand badges, "Details", "Follows …" links and "Clear filters".
 * @cssproperty --mobilise-space - Card padding and the gaps between and inside cards (smaller is denser).
 */
export class MobiliseModuleCatalogue extends LitElement {
  static override styles = [baseStyles, styles];
  static override properties = {
    ownSelection: { state: true },
    endpoint: {},
    layout: {},
    strand: {},
    audience: {},
    tool: {},
    search: {},
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  readonly #ctx = new MobiliseController(this);

  readonly #task = new Task(this, {
    task: async ([, area, locale], { signal }): Promise<CatalogueData> => {
      const client = this.#ctx.client();
      // Same query as the calendar's, so one page makes one sessions request.
      // The third: the cards' list formatter is built while the network answers.
      const [modules, sessions] = await Promise.all([
        client.getModules(signal, locale),
        client.getSessions({ area, locale }, signal).catch(() => undefined),
        formatList([], locale),
      ]);
      return {
        modules: modules.items,
        byId: new Map(modules.items.map((m) => [m.id, m])),
        counts: sessions && countUpcoming(sessions.items),
        dropped: modules.dropped,
      };
    },
    args: () => [this.#ctx.endpoint, this.#ctx.config.area, this.#ctx.locale] as const,
  });

  /** Selection when there is no provider to hold it. */
  private ownSelection?: string;

  /** Mobilise API base URL or static JSON file; wins over the provider's. */
  endpoint = '';
  /** `cards` or `list`. */
  layout: string = 'cards';
  /** Strand filter; follows the strand select. */
  strand = '';
  /** Audience filter; follows the audience select. */
  audience = '';
  /** Tool filter (a tool's name); follows the "I want to learn" select. */
  tool = '';
  /** Search text; follows the search box. */
  search = '';
  /** Heading level of card titles (2–6); unset follows the provider's `heading-level`, else 3. */
  headingLevel?: number;

  get #filters(): Filters {
    return {
      strand: parseEnum(STRANDS, this.strand),
      audience: parseEnum(AUDIENCES, this.audience),
      tool: parseEnum(TOOLS, this.tool),
      search: this.search,
    };
  }

  get #layoutValue(): Layout {
    return parseEnum(LAYOUTS, this.layout) ?? 'cards';
  }

  get #selectedId(): string | undefined {
    return this.#ctx.hasProvider ? this.#ctx.selection.moduleId : this.ownSelection;
  }

  readonly #retry = () => {
    try {
      this.#ctx.client().invalidate();
    } catch {
      /* a config error is shown by the task itself */
    }
    void this.#task.run();
  };

  /** Each control's id is the filter it sets: the selects report on change, the search box as you type. */
  readonly #onField = (e: Event) => {
    const control = e.target as HTMLInputElement;
    this[control.id as 'search'] = control.value;
  };

  /** The filters apply as you type; Enter must not reload the host page. */
  readonly #onSubmit = (e: Event) => e.preventDefault();

  readonly #clearFilters = () => {
    this.strand = this.audience = this.tool = this.search = '';
  };

  readonly #onSelect = (module: Module) => {
    const allowed = emit(this, 'mobilise-module-select', { moduleId: module.id });
    // Inside a provider the selection comes back through context instead.
    if (allowed && !this.#ctx.hasProvider) this.ownSelection = module.id;
  };

  /** "Follows part one": bring that card into view and focus it, clearing filters that hide it. */
  readonly #onJump = async (moduleId: string) => {
    const find = () => this.renderRoot.querySelector<HTMLElement>(`article[data-module="${CSS.escape(moduleId)}"]`);
    if (!find()) {
      this.#clearFilters();
      await this.updateComplete;
    }
    const card = find();
    if (!card) return;
    card.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth', block: 'nearest' });
    card.focus({ preventScroll: true });
  };

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('layout')) parseEnum(LAYOUTS, this.layout, warnUnknown('layout', LAYOUTS));
    if (changed.has('strand')) parseEnum(STRANDS, this.strand, warnUnknown('strand', STRANDS));
    if (changed.has('audience')) parseEnum(AUDIENCES, this.audience, warnUnknown('audience', AUDIENCES));
    if (changed.has('tool')) parseEnum(TOOLS, this.tool, warnUnknown('tool', TOOLS));
  }

  #renderFilters() {
    const { strand, audience, tool } = this.#filters;
    return html`<form class="filters" part="filters" role="search" aria-label=${strings.catalogue.filters} @submit=${this.#onSubmit} @change=${this.#onField} @input=${this.#onField}>
      ${renderSelectField({
        id: 'strand',
        label: strings.catalogue.strand,
        all: strings.catalogue.allStrands,
        options: STRANDS.map((s) => [s, strandLabels()[s]] as const),
        current: strand ?? '',
      })}
      ${renderSelectField({
        id: 'audience',
        label: strings.catalogue.audience,
        all: strings.catalogue.allAudiences,
        options: AUDIENCES.map((a) => [a, audienceLabels()[a]] as const),
        current: audience ?? '',
      })}
      ${renderSelectField({
        id: 'tool',
        label: strings.catalogue.tool,
        all: strings.catalogue.allTools,
        options: TOOLS.map((t) => [t, t] as const),
        current: tool ?? '',
      })}
      <div class="field search">
        <label for="search">${strings.catalogue.search}</label>
        <input class="control" id="search" type="search" autocomplete="off" .value=${this.search} />
      </div>
    </form>`;
  }

  /** `headingLevel`: the cards' titles; the no-match state's heading stands in for them. */
  #renderModules(data: CatalogueData, visible: Module[], headingLevel: number) {
    if (!visible.length) {
      return html`<div class="state empty" part="empty">
        ${heading(headingLevel, { class: 'state-title' }, strings.catalogue.empty)}
        ${hasFilters(this.#filters)
          ? html`<button type="button" class="button secondary" part="clear-button" @click=${this.#clearFilters}>${strings.calendar.clearFilters}</button>`
          : nothing}
      </div>`;
    }
    const selected = this.#selectedId;
    const client = this.#ctx.client();
    return html`<ul class="items" part="list">
      ${visible.map((m) => {
        const count = data.counts && (data.counts.get(m.id) ?? 0);
        return renderCard(m, {
          headingLevel,
          locale: this.#ctx.locale,
          count,
          // Nothing near the member yet: they can ask for it (sessions are loaded for the provider's area).
          ask: count === 0 ? client.askUrl(m.id, this.#ctx.config.area, this.#ctx.locale) : undefined,
          selected: m.id === selected,
          prerequisites: prerequisitesOf(m, data.byId),
          onSelect: this.#onSelect,
          onJump: this.#onJump,
        });
      })}
    </ul>`;
  }

  /** Filters and the live count stay in place across loading and loaded, so the count is announced and nothing shifts. */
  override render() {
    const { status, value: data } = this.#task;
    const level = this.#ctx.headingLevel(3);
    if (status === 'error') return html`${heading(level, { class: 'state-title' }, strings.catalogue.loadFailed)} ${renderError(this.#task.error, this.#retry)}`;
    const loaded = status === 'complete' && data ? data : undefined;
    if (loaded && !loaded.modules.length) {
      return html`${renderDropped(loaded.dropped)}<p class="state empty" part="empty">${strings.catalogue.none}</p>`;
    }
    const visible = loaded ? filterModules(loaded.modules, this.#filters) : [];
    return html`<div class="catalogue layout-${this.#layoutValue}">
      <div class="toolbar">
        ${this.#renderFilters()}
        <p class="count" part="count" role="status">
          ${loaded ? moduleCount(strings, visible.length, loaded.modules.length) : strings.catalogue.loading}
        </p>
      </div>
      ${loaded ? this.#renderModules(loaded, visible, level) : renderSkeleton()} ${loaded ? renderDropped(loaded.dropped) : nothing}
    </div>`;
  }
}
