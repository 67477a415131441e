import * as z from 'zod/mini';
import { en } from '../strings/en.js';

/**
 * What free text the contract accepts, one rule for every text field: any
 * Unicode text except C0/C1 control characters (tab, line feed and carriage
 * return only where a field may have several lines) and lone surrogates, which
 * PostgreSQL cannot store and no person types. Names also refuse the bidi
 * override/isolate controls, which can make a name read differently in the
 * export, and must contain something visible.
 *
 * The rules are regular expressions so the OpenAPI document carries them as
 * `pattern`s. They read the same in any ECMA-262 engine with or without the `u`
 * flag: a surrogate pair is matched as a pair, never half of one. They are
 * written out as literals (0.05 KB less gzip in the bundle than assembling them
 * at run time) from these parts, which test/node/text-rules.test.ts assembles again:
 *   controls     \x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f  (C0 and C1 but tab, LF, CR)
 *   line breaks  \t\n\r\u2028\u2029
 *   surrogates   \ud800-\udfff, allowed only as a pair [\ud800-\udbff][\udc00-\udfff]
 *   bidi         \u202a-\u202e\u2066-\u2069  (embeddings, overrides, isolates)
 */
export const TEXT_RULES = {
  /** One line: no controls at all. */
  line: /^(?:[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\t\n\r\u2028\u2029]|[\ud800-\udbff][\udc00-\udfff])*$/,
  /** Several lines: tab, line feed and carriage return allowed. */
  paragraphs: /^(?:[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/,
  /** A person's name: one line, no bidi controls. */
  name: /^(?:[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\t\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff][\udc00-\udfff])*$/,
} as const;
export type TextKind = keyof typeof TEXT_RULES;

/**
 * Contains at least one character that prints (unanchored: JSON Schema `pattern`
 * searches too): none of the above, nor a space or format character that prints
 * nothing (zero-width space, joiners, marks, fillers, BOM…), nor an astral one:
 * tags (U+E0000–E007F) and variation selectors (U+E0100–E01EF). Unlike the rules
 * above it names astral code points, so it is written for the `u` flag, which is
 * how JSON Schema validators read a `pattern`: the server, the browser and the
 * OpenAPI document then agree (without the flag, a validator would take a tag
 * character for a visible one).
 */
export const VISIBLE =
  /[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\t\n\r\u2028\u2029\ud800-\udfff\u202a-\u202e\u2066-\u2069 \u00a0\u00ad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5\u180b-\u180f\u2000-\u200f\u202f\u205f-\u2064\u206a-\u206f\u2800\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/u;

/** The shared check: text of this kind only. */
export const plainText = (kind: TextKind) => z.regex(TEXT_RULES[kind], { error: en.validation.characters });

const TRIMMED = 'Surrounding whitespace is removed.';

/**
 * Text a person types. Every rule applies to the text as sent (so the OpenAPI
 * document states it exactly), then surrounding whitespace is trimmed.
 * `blank` makes the field required: it must contain something visible.
 */
export function typedText(kind: TextKind, max: number, messages: { tooLong: string; blank?: string }) {
  return z.string().check(
    plainText(kind),
    z.maxLength(max, { error: messages.tooLong }),
    ...(messages.blank ? [z.regex(VISIBLE, { error: messages.blank })] : []),
    z.trim(),
    z.describe(TRIMMED),
  );
}
