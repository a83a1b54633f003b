import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { listCatalog } from "@/lib/catalog";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Services — Reseller Panel" };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser();
  const { q } = await searchParams;
  const needle = q?.trim().toLowerCase();
  const catalog = (await listCatalog(await getDb(), { customerId: user.id }))
    .map((group) => ({
      ...group,
      services: needle
        ? group.services.filter((s) => `${s.id} ${s.name} ${group.category} ${s.type}`.toLowerCase().includes(needle))
        : group.services,
    }))
    .filter((group) => group.services.length);
  return (
    <>
      <PageHeader title="Services" description={`Prices in ${PANEL_CURRENCY} per 1000 units.`} />
      <form className="mb-4 flex gap-2">
        <input name="q" defaultValue={q} placeholder="Search services" aria-label="Search services" className="w-72 rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
        <button className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">Search</button>
      </form>
      {catalog.length === 0 ? <EmptyState>No services match.</EmptyState> : null}
      <div className="space-y-6">
        {catalog.map((group) => (
          <Card key={group.category} title={group.category}>
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2">ID</th>
                  <th>Service</th>
                  <th className="text-right">Rate / 1000</th>
                  <th className="text-right">Min</th>
                  <th className="text-right">Max</th>
                  <th className="pl-4">Options</th>
                  <th />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {group.services.map((s) => (
                  <tr key={s.id}>
                    <td className="py-2 text-slate-500">{s.id}</td>
                    <td>
                      {s.name}
                      <span className="ml-2 text-xs text-slate-400">{s.type}</span>
                    </td>
                    <td className="text-right tabular-nums">{formatMoney(s.sellRate)}</td>
                    <td className="text-right tabular-nums">{s.min}</td>
                    <td className="text-right tabular-nums">{s.max}</td>
                    <td className="pl-4 text-xs text-slate-500">{[s.refill && "refill", s.cancel && "cancel", s.dripfeed && "drip-feed"].filter(Boolean).join(" · ")}</td>
                    <td className="text-right">
                      <Link href={`/new-order?service=${s.id}`} className="text-sm font-medium text-indigo-600 hover:underline">
                        Order
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        ))}
      </div>
    </>
  );
}
