// The pricing formula, in exact decimals. The same formula exists once more as SQL
// (reprice-sql.ts) so that 10,000 services are repriced by one statement; rule-price.test.ts
// checks the two against each other and against a decimal reference.
import { Decimal, LEDGER_SCALE, toDecimal } from "@/lib/money";

type Amount = Decimal | string;

/** The priced parts of a rule; null fields are absent. */
export type RuleTerms = {
  percent: Amount | null;
  fixedAmount: Amount | null;
  minPrice: Amount | null;
  roundStep: Amount | null;
};

/** Without a step, prices round up to the ledger scale (1/1,000,000). */
export const DEFAULT_ROUND_STEP = new Decimal(1).dividedBy(10 ** LEDGER_SCALE);
const MICRO = new Decimal(10).pow(LEDGER_SCALE);

/**
 * The smallest multiple of `step` that is ≥ amount. `step` has at most 6 decimals, so the
 * quotient is taken in whole millionths: ceil(a / s) = ceil(ceil(a·10⁶) / (s·10⁶)).
 */
export function roundUpToStep(amount: Amount, step: Amount = DEFAULT_ROUND_STEP): Decimal {
  const micros = toDecimal(amount).times(MICRO).ceil();
  const stepMicros = toDecimal(step).times(MICRO);
  if (!stepMicros.isInteger() || stepMicros.lte(0)) throw new Error(`round step ${step} is not a positive multiple of 0.000001`);
  const multiples = micros.plus(stepMicros).minus(1).divToInt(stepMicros);
  return multiples.times(stepMicros).dividedBy(MICRO);
}

/**
 * sell = cost × (1 + percent/100) + fixedAmount, at least minPrice, rounded up to roundStep.
 * No rule at all sells at cost (rounded up): never below it.
 */
export function priceByRule(cost: Amount, rule: RuleTerms | null): Decimal {
  const percent = rule?.percent == null ? new Decimal(0) : toDecimal(rule.percent);
  const fixed = rule?.fixedAmount == null ? new Decimal(0) : toDecimal(rule.fixedAmount);
  let raw = toDecimal(cost).times(new Decimal(100).plus(percent)).times("0.01").plus(fixed);
  if (rule?.minPrice != null && raw.lt(toDecimal(rule.minPrice))) raw = toDecimal(rule.minPrice);
  return roundUpToStep(raw, rule?.roundStep ?? DEFAULT_ROUND_STEP);
}

/** The scopes from most to least specific: the first one with a rule decides. */
export const SCOPE_PRECEDENCE = ["item", "category", "provider", "global"] as const;
export type RuleScope = (typeof SCOPE_PRECEDENCE)[number];

export type ScopedRule = RuleTerms & { id: number; scope: RuleScope; providerId: number | null; category: string | null; itemId: number | null };

/** The rule that prices an item: the most specific one that names it. */
export function ruleFor<R extends ScopedRule>(rules: readonly R[], item: { id: number; providerId: number; category: string }): R | null {
  for (const scope of SCOPE_PRECEDENCE) {
    const found = rules.find(
      (r) =>
        r.scope === scope &&
        (scope === "global" ||
          (scope === "provider" && r.providerId === item.providerId) ||
          (scope === "category" && r.category === item.category) ||
          (scope === "item" && r.itemId === item.id)),
    );
    if (found) return found;
  }
  return null;
}
