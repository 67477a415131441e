import { html } from 'lit';
import { paths } from '../../contract/api.js';
import type { AdminClient } from './api.js';

/**
 * The signups' CSV (GET /v1/admin/signups.csv, on the console's session cookie) and the one
 * choice it offers: access needs, which may be health data, only when ticked for that download.
 */
export function signupsCsvUrl(client: AdminClient, filters: { area?: string; session?: string; from?: string; to?: string; accessNeeds: boolean }): string {
  const query = new URLSearchParams();
  const { accessNeeds, ...rest } = filters;
  for (const [name, value] of Object.entries({ ...rest, include: accessNeeds ? 'access-needs' : '' })) if (value) query.set(name, value);
  const search = query.toString();
  return client.url(paths.adminSignupsCsv + (search ? `?${search}` : ''));
}

/** The "Include access needs" box with its warning; `id` prefixes its ids (two can share a page). */
export const accessNeedsChoice = (id: string, checked: boolean, change: (checked: boolean) => void) =>
  html`<div class="field">
    <div class="choice">
      <input type="checkbox" id=${id} aria-describedby="${id}-hint" .checked=${checked} @change=${(e: Event) => change((e.target as HTMLInputElement).checked)} />
      <label for=${id}>Include access needs</label>
    </div>
    <p class="hint choice-hint" id="${id}-hint">Access needs may be health data. Include them only to arrange support for people at a session, and delete the file when that is done.</p>
  </div>`;
