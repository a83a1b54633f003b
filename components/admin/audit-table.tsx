// Audit rows as people read them: who and when, the action in words, and each changed field with
// its old value struck through beside the new one.
import { Time } from "@/components/ui/time";
import Link from "next/link";
import type { AuditRow } from "@/lib/audit/list-audit";
import { Badge } from "@/components/ui/badge";

const ENTITY_LINK: Record<string, (id: string) => string> = {
  user: (id) => `/admin/users/${id}`,
  order: (id) => `/admin/orders?q=${encodeURIComponent(`#${id}`)}`,
};

function Entity({ type, id }: { type: string; id: string | null }) {
  const label = `${type.replace(/_/g, " ")}${id ? ` #${id}` : ""}`;
  const href = id ? ENTITY_LINK[type.toLowerCase()]?.(id) : undefined;
  return href ? (
    <Link href={href} className="text-indigo-700 hover:underline">
      {label}
    </Link>
  ) : (
    <span>{label}</span>
  );
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="audit-rows">
      {rows.map((row) => (
        <li key={row.id} className="py-3 text-sm" data-testid={`audit-${row.id}`}>
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <Badge tone="indigo">{row.action}</Badge>
            <Entity type={row.entityType} id={row.entityId} />
            <span className="text-slate-600">by {row.actor ? row.actor.email : "the operator CLI"}</span>
            <Time value={row.createdAt} relative className="text-xs text-slate-500" />
          </div>
          {row.reason ? <p className="mt-1 text-slate-700">Reason: {row.reason}</p> : null}
          {row.changes.length > 0 ? (
            <dl className="mt-2 grid grid-cols-[minmax(6rem,max-content)_1fr] gap-x-4 gap-y-1 text-xs">
              {row.changes.map((c) => (
                <div key={c.field} className="contents">
                  <dt className="font-medium text-slate-500">{c.field}</dt>
                  <dd className="min-w-0 break-all font-mono text-slate-800">
                    {c.before !== null && c.before !== c.after ? <del className="mr-2 text-red-700">{c.before}</del> : null}
                    {c.after === null ? <span className="text-slate-500">(removed)</span> : <ins className="text-green-800 no-underline">{c.after}</ins>}
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
