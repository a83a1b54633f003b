// Previous / next links for a server-paged list (the page number lives in the URL).
import Link from "next/link";

export function Pager({ page, pages, hrefFor, previous = "← Previous", next = "Next →" }: { page: number; pages: number; hrefFor: (page: number) => string; previous?: string; next?: string }) {
  if (pages <= 1) return null;
  return (
    <nav className="mt-4 flex items-center justify-between text-sm" aria-label="Pages">
      {page > 1 ? <Link href={hrefFor(page - 1)} className="font-medium text-indigo-700 hover:underline">{previous}</Link> : <span />}
      <span className="text-slate-600">Page {page} of {pages}</span>
      {page < pages ? <Link href={hrefFor(page + 1)} className="font-medium text-indigo-700 hover:underline">{next}</Link> : <span />}
    </nav>
  );
}
