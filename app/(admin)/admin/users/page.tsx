import { plural } from "@/lib/util/plural";
import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterInput, FilterSelect } from "@/components/admin/filter-bar";
import { Pagination } from "@/components/admin/pagination";
import { UserRowActions } from "@/components/users/user-row-actions";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { searchUsersForStaff } from "@/lib/users/search-users";
import { requireStaff } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { Money } from "@/components/ui/money";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string; role?: string; page?: string }> }) {
  const actor = await requireStaff();
  const { users, total, page, pageSize, filters } = await searchUsersForStaff(await getDb(), actor, await searchParams);
  return (
    <>
      <PageHeader title="Users" description={`${filters.q || filters.role ? "Matching: " : ""}${plural(total, "account")}`} />
      <Card>
        <FilterBar resetHref="/admin/users">
          <FilterInput label="Search" name="q" type="search" value={filters.q} placeholder="email, name or account id" />
          <FilterSelect label="Role" name="role" value={filters.role} options={["customer", "staff", "admin"].map((r) => ({ value: r, label: r }))} />
        </FilterBar>
        <DataTable
          label="Users"
          rows={users}
          rowTestId={(u) => `user-row-${u.email}`}
          empty="No account matches this search."
          columns={(column) => [
            column({ header: "#", card: "hidden", cell: (u) => u.id }),
            column({
              header: "Email",
              card: "title",
              cell: (u) => (
                <>
                  <Link href={`/admin/users/${u.id}`} className="text-indigo-700 hover:underline">{u.email}</Link>
                  {u.name ? <div className="text-xs text-slate-500">{u.name}</div> : null}
                </>
              ),
            }),
            column({ header: "Role", cell: (u) => u.role }),
            column({ header: "Status", card: "primary", cell: (u) => u.status }),
            column({ header: "Balance", card: "primary", align: "right", className: "tabular-nums whitespace-nowrap", cell: (u) => <Money amount={u.balance} currency={PANEL_CURRENCY} style="cents" /> }),
            column({
              header: "Actions",
              card: "action",
              className: "pl-6",
              headerClassName: "pl-6",
              cell: (u) => (u.id === actor.id ? <span className="text-xs text-slate-500">you</span> : actor.role === "admin" ? <UserRowActions user={u} /> : null),
            }),
          ]}
        />
        <Pagination path="/admin/users" params={{ q: filters.q, role: filters.role }} page={page} pageSize={pageSize} total={total} />
      </Card>
    </>
  );
}
