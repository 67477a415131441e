import * as z from 'zod/mini';
import { AUDIENCES, STRANDS } from './enums.js';
import { plainText } from './text.js';

export const slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(80));

/** A training module of the programme. Text fields are plain text; paragraphs are split on blank lines. */
export const ModuleSchema = z.object({
  id: slug,
  title: z.string().check(plainText('line'), z.minLength(1), z.maxLength(200)),
  summary: z.string().check(plainText('paragraphs'), z.maxLength(500)),
  description: z.string().check(plainText('paragraphs'), z.maxLength(10_000)),
  strand: z.enum(STRANDS),
  /** Groups the parts of a multi-part module, e.g. "field-organising". */
  series: z.optional(slug),
  /** 1-based part number within the series. */
  part: z.optional(z.int().check(z.minimum(1), z.maximum(20))),
  /** Module ids a member should take first ("follows part one"). */
  prerequisites: z._default(z.array(slug), []),
  audience: z._default(z.array(z.enum(AUDIENCES)), []),
  durationMinutes: z.int().check(z.minimum(15), z.maximum(60 * 24)),
  tools: z._default(z.array(z.string().check(plainText('line'), z.minLength(1), z.maxLength(80))), []),
});
export type Module = z.infer<typeof ModuleSchema>;
