import Link from "next/link";

/** Previous / next links that keep the current filters. */
export function Pagination({
  path,
  params,
  page,
  pageSize,
  total,
  pageParam = "page",
}: {
  path: string;
  params: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
  pageParam?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (n: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...params, [pageParam]: n > 1 ? String(n) : undefined })) if (value) search.set(key, value);
    const text = search.toString();
    return text ? `${path}?${text}` : path;
  };
  const link = "rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50";
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <span>
        Page {Math.min(page, pages)} of {pages} · {total} rows
      </span>
      <span className="flex gap-2">
        {page > 1 ? <Link className={link} href={href(page - 1)}>Previous</Link> : null}
        {page < pages ? <Link className={link} href={href(page + 1)}>Next</Link> : null}
      </span>
    </nav>
  );
}
