// Audit rows as people read them: who and when, the action in words, and each field with its old
// value struck through before the new one ("before → after"), empty values said as "empty".
import Link from "next/link";
import type { AuditChange, AuditRow } from "@/lib/audit/list-audit";
import { Badge } from "@/components/ui/badge";
import { formatWhen } from "./format";

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

const Empty = () => <span className="italic text-slate-500">empty</span>;

function ChangeValue({ change }: { change: AuditChange }) {
  const { kind, before, after } = change;
  if (kind === "same") return <span>{after} <span className="text-slate-500">(unchanged)</span></span>;
  if (kind === "was") return <span><span className="text-slate-500">was </span>{before}</span>;
  if (kind === "removed") return <span><del className="text-red-700">{before}</del> <span className="text-slate-500">→ removed</span></span>;
  return (
    <span>
      {kind === "set" ? <Empty /> : <del className="text-red-700">{before}</del>}
      <span aria-hidden="true" className="mx-1 text-slate-500">→</span>
      <span className="sr-only"> changed to </span>
      {after === null ? <Empty /> : <ins className="text-green-800 no-underline">{after}</ins>}
    </span>
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
            <span className="text-xs text-slate-500">{formatWhen(row.createdAt)}</span>
          </div>
          {row.reason ? <p className="mt-1 text-slate-700">Reason: {row.reason}</p> : null}
          {row.changes.length > 0 ? (
            <dl className="mt-2 grid grid-cols-[minmax(6rem,max-content)_1fr] gap-x-4 gap-y-1 text-xs">
              {row.changes.map((c) => (
                <div key={c.field} className="contents">
                  <dt className="font-medium text-slate-500">{c.field}</dt>
                  <dd className="min-w-0 break-words text-slate-800" data-testid={`audit-change-${c.field}`}>
                    <ChangeValue change={c} />
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
