import type { Metadata } from "next";
import Link from "next/link";
import { UserRowActions } from "@/components/admin/user-row-actions";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";
import { listUsers } from "@/lib/users/manage-user";

export const metadata: Metadata = { title: "Users — Reseller Panel" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const actor = await requireStaff();
  const { q, page } = await searchParams;
  const { users, total } = await listUsers(await getDb(), actor, { query: q, page: Math.max(1, Number.parseInt(page ?? "1", 10) || 1) });
  return (
    <>
      <PageHeader title="Users" description={`${total} accounts`} />
      <Card>
        <form className="mb-4 flex gap-2">
          <input name="q" defaultValue={q} placeholder="Search by email" className="w-64 rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
          <button className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">Search</button>
        </form>
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2">#</th>
              <th>Email</th>
              <th>Role</th>
              <th>Status</th>
              <th className="text-right">Balance</th>
              <th className="pl-6">Actions</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <tr key={u.id} data-testid={`user-row-${u.email}`}>
                <td className="py-2">{u.id}</td>
                <td>
                  <Link href={`/admin/users/${u.id}`} className="text-indigo-700 hover:underline">
                    {u.email}
                  </Link>
                </td>
                <td>{u.role}</td>
                <td>{u.status}</td>
                <td className="text-right tabular-nums">{formatMoney(u.balance, PANEL_CURRENCY)}</td>
                <td className="pl-6">{u.id === actor.id ? <span className="text-xs text-slate-400">you</span> : actor.role === "admin" ? <UserRowActions user={u} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
