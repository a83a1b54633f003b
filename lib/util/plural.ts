// Counts in words with the right plural ("1 line", "2 lines"), through Intl.PluralRules so that
// the rule is the language's, not an `s` appended by hand.
const rules = new Intl.PluralRules("en-US");

/** plural(1, "line") → "1 line"; plural(3, "service") → "3 services"; an irregular plural as the third argument. */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${rules.select(count) === "one" ? one : other}`;
}
