// The customer's balance in the header at every width — what customers look for first — with a
// link to add funds. The amount is cut to cents (never shown above itself), exact on hover.
import Link from "next/link";
import { Money } from "@/components/ui/money";

export function HeaderBalance({ amount, currency }: { amount: string; currency: string }) {
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap rounded-md border border-slate-200 bg-slate-50 py-0.5 pl-2 pr-0.5 text-sm" data-testid="header-balance">
      <Link href="/funds" className="font-semibold text-slate-900 tabular-nums hover:underline">
        <span className="sr-only">Balance: </span>
        <Money amount={amount} currency={currency} style="cents" />
      </Link>
      <Link href="/funds/add" className="rounded bg-indigo-600 px-2 py-0.5 text-xs font-semibold text-white hover:bg-indigo-500" data-testid="header-add-funds">
        Add funds
      </Link>
    </span>
  );
}
