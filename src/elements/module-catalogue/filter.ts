/**
 * Pure catalogue logic: filtering, search and session counts. No DOM, so it is
 * unit-tested directly (test/module-catalogue-filter.test.ts).
 */
import type { Audience, Module, Session, Strand, Tool } from '../../contract/index.js';
import { strings } from '../../strings/current.js';

export const LAYOUTS = ['cards', 'list'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Typed views of the labels, read when rendered (the page's language); the annotation fails the build if the strings miss a strand or audience. */
export const strandLabels = (): Readonly<Record<Strand, string>> => strings.catalogue.strands;
export const audienceLabels = (): Readonly<Record<Audience, string>> => strings.catalogue.audiences;

export interface Filters {
  strand?: Strand;
  audience?: Audience;
  /** Modules that teach this tool ("I want to learn Insight"). */
  tool?: Tool;
  search?: string;
}

/**
 * Fold case, accents and typographic quotes, so "organisation" finds
 * "Organisation", "cafe" finds "café" and "Labour's" finds "Labour’s".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”]/g, '"')
    .toLowerCase();
}

/** Every word of the query must appear somewhere in the module's searchable text. */
export function matchesSearch(module: Module, query: string | undefined): boolean {
  const words = fold(query ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length) return true;
  const haystack = fold([module.title, module.summary, module.description, ...module.tools].join('\n'));
  return words.every((w) => haystack.includes(w));
}

export function matchesFilters(module: Module, filters: Filters): boolean {
  return (
    (!filters.strand || module.strand === filters.strand) &&
    (!filters.audience || module.audience.includes(filters.audience)) &&
    (!filters.tool || module.tools.includes(filters.tool)) &&
    matchesSearch(module, filters.search)
  );
}

export const filterModules = (modules: readonly Module[], filters: Filters): Module[] =>
  modules.filter((m) => matchesFilters(m, filters));

export const hasFilters = (filters: Filters) => !!(filters.strand || filters.audience || filters.tool || filters.search?.trim());

/** Sessions a member could still sign up for (or waitlist): not cancelled and not started yet. */
export function isUpcoming(session: Session, now: number): boolean {
  return (session.status === 'scheduled' || session.status === 'full') && Date.parse(session.start) > now;
}

/** Upcoming session count per module id; modules without sessions are absent (read as 0). */
export function countUpcoming(sessions: readonly Session[], now = Date.now()): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sessions) if (isUpcoming(s, now)) counts.set(s.moduleId, (counts.get(s.moduleId) ?? 0) + 1);
  return counts;
}

/** Prerequisites that are in the catalogue; unknown ids are skipped rather than shown as slugs. */
export function prerequisitesOf(module: Module, byId: ReadonlyMap<string, Module>): Module[] {
  return module.prerequisites.map((id) => byId.get(id)).filter((m): m is Module => m !== undefined);
}
