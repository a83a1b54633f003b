// The header's "Support" link with its count: for a customer, tickets with an answer not yet read;
// for staff, tickets waiting for an answer. Its own small element beside the account link.
import Link from "next/link";

export function TicketsHeaderLink({ href, count, label }: { href: string; count: number; label: string }) {
  return (
    <Link href={href} data-testid="tickets-header-link" className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 hover:bg-slate-100">
      Support
      {count ? (
        <span className="rounded-full bg-indigo-600 px-1.5 text-xs font-semibold text-white">
          <span data-testid="tickets-unread">{count}</span>
          <span className="sr-only"> {label}</span>
        </span>
      ) : null}
    </Link>
  );
}
