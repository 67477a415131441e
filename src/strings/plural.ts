/** A counted message's forms: CLDR plural categories, and `=<n>` for an exact number (`=0`: "No sessions"). */
export type Forms = Partial<Record<string, string>> & { other: string };

/**
 * Plural selection by CLDR rules (Intl.PluralRules: Welsh has six categories, Gaelic four) and
 * numbers as the locale writes them, for one locale's generated strings (src/strings/<locale>.ts).
 * Both formatters are built on first use: a page that shows no count builds neither. An engine
 * whose ICU lacks the locale resolves to its default's rules, and a form it never selects falls
 * back to `other`, so the text stays readable.
 */
export function localeFormat(locale: string) {
  let rules: Intl.PluralRules | undefined;
  let numbers: Intl.NumberFormat | undefined;
  return {
    p: (n: number, forms: Forms): string => forms[`=${n}`] ?? forms[(rules ??= new Intl.PluralRules(locale)).select(n)] ?? forms.other,
    N: (n: number): string => (numbers ??= new Intl.NumberFormat(locale)).format(n),
  };
}
