import type * as z from 'zod/mini';
import type { FieldError } from '../../src/contract/index.js';
import { en } from '../../src/strings/en.js';

const fieldMessages: Record<string, string> = en.validation;

/**
 * One error per field, in the schema's own words. A missing or wrongly typed value
 * gets the field's "Enter your…" message instead of zod's generic "Invalid input".
 */
export function fieldErrors(error: z.core.$ZodError): FieldError[] {
  const seen = new Map<string, FieldError>();
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue;
    const fallback = issue.code === 'invalid_type' ? fieldMessages[field] : undefined;
    seen.set(field, { field, message: fallback ?? issue.message });
  }
  return [...seen.values()];
}
