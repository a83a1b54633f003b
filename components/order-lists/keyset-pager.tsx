// Paging for keyset lists (lib/storefront/order-lists.ts): back to the newest, or on to older
// rows below the last one shown. No page count: counting 100,000 orders for it would cost more than the page.
import Link from "next/link";

export function KeysetPager({ isFirst, nextHref, firstHref }: { isFirst: boolean; nextHref: string | null; firstHref: string }) {
  if (isFirst && !nextHref) return null;
  return (
    <nav className="mt-4 flex items-center justify-between text-sm" aria-label="Pages">
      {isFirst ? <span /> : <Link href={firstHref} className="font-medium text-indigo-700 hover:underline">← Newest</Link>}
      {nextHref ? <Link href={nextHref} className="font-medium text-indigo-700 hover:underline">Older →</Link> : <span />}
    </nav>
  );
}
