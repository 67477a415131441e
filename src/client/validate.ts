import type * as z from 'zod/mini';

export interface DroppedItem {
  index: number;
  id?: string;
  issues: string[];
}

export interface Listing<T> {
  items: T[];
  /** Items the backend sent that did not match the contract; reported, not rendered. */
  dropped: DroppedItem[];
}

/**
 * Parse a collection item by item, so one malformed session does not blank the
 * whole calendar. Dropped items carry their issues for the developer console.
 */
export function parseItems<T>(schema: z.ZodMiniType<T>, raw: unknown[]): Listing<T> {
  const items: T[] = [];
  const dropped: DroppedItem[] = [];
  raw.forEach((value, index) => {
    const result = schema.safeParse(value);
    if (result.success) {
      items.push(result.data);
      return;
    }
    const id =
      value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string'
        ? String((value as { id: string }).id).slice(0, 80)
        : undefined;
    dropped.push({
      index,
      id,
      issues: result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    });
  });
  return { items, dropped };
}
