import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterInput, FilterSelect } from "@/components/admin/filter-bar";
import { Pagination } from "@/components/admin/pagination";
import { UserRowActions } from "@/components/admin/user-row-actions";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { searchUsersForStaff } from "@/lib/admin/user-search";
import { requireStaff } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money/format";
import { listUsers } from "@/lib/users/manage-user";

export const metadata: Metadata = { title: "Users — Reseller Panel" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string; role?: string; page?: string }> }) {
  const actor = await requireStaff();
  const { users, total, page, pageSize, filters } = await searchUsersForStaff(await getDb(), actor, await searchParams);
  return (
    <>
      <PageHeader title="Users" description={`${total} ${filters.q || filters.role ? "matching " : ""}accounts`} />
      <Card>
        <FilterBar resetHref="/admin/users">
          <FilterInput label="Search" name="q" type="search" value={filters.q} placeholder="email, name or account id" />
          <FilterSelect label="Role" name="role" value={filters.role} options={["customer", "staff", "admin"].map((r) => ({ value: r, label: r }))} />
        </FilterBar>
        {users.length === 0 ? (
          <EmptyState>No account matches this search.</EmptyState>
        ) : (
          <div className="-mx-5 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 pl-5 pr-3">#</th>
                  <th className="px-3">Email</th>
                  <th className="px-3">Role</th>
                  <th className="px-3">Status</th>
                  <th className="px-3 text-right">Balance</th>
                  <th className="py-2 pl-6 pr-5">Actions</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {users.map((u) => (
                  <tr key={u.id} data-testid={`user-row-${u.email}`}>
                    <td className="py-2 pl-5 pr-3">{u.id}</td>
                    <td className="px-3">
                      <Link href={`/admin/users/${u.id}`} className="text-indigo-700 hover:underline">
                        {u.email}
                      </Link>
                      {u.name ? <div className="text-xs text-slate-500">{u.name}</div> : null}
                    </td>
                    <td className="px-3">{u.role}</td>
                    <td className="px-3">{u.status}</td>
                    <td className="px-3 text-right tabular-nums whitespace-nowrap">{formatMoney(u.balance, PANEL_CURRENCY)}</td>
                    <td className="py-2 pl-6 pr-5">{u.id === actor.id ? <span className="text-xs text-slate-500">you</span> : actor.role === "admin" ? <UserRowActions user={u} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination path="/admin/users" params={{ q: filters.q, role: filters.role }} page={page} pageSize={pageSize} total={total} />
      </Card>
    </>
  );
}
