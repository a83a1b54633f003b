// The header's name: the owner's panel name (admin settings), linking home, with the area.
import Link from "next/link";
import { brandNameForRequest } from "./brand";

export async function BrandLink({ area }: { area: string }) {
  const brand = await brandNameForRequest();
  return (
    <Link href="/" className="max-w-[14rem] shrink-0 truncate text-lg font-bold text-indigo-700" data-testid="brand-name">
      {brand} {area ? <span className="text-xs font-medium text-slate-600">{area}</span> : null}
    </Link>
  );
}
