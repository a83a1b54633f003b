// An amount on a page, through the one formatter (lib/money/format.ts): the shown text, and the
// exact value on hover whenever the style shortened it (a balance cut to cents, a rate cut to the
// digits it needs). No hooks, so server and client components render the same markup.
import { moneyDisplay, type MoneyOptions } from "@/lib/money/format";

type Amount = Parameters<typeof moneyDisplay>[0];

export function Money({ amount, currency, className, testId, ...options }: { amount: Amount; currency: string; className?: string; testId?: string } & MoneyOptions) {
  const { text, exact } = moneyDisplay(amount, currency, options);
  return (
    <span className={`whitespace-nowrap ${className ?? ""}`.trim()} title={exact ? `Exactly ${exact}` : undefined} data-testid={testId}>
      {text}
    </span>
  );
}
