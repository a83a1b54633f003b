import type { Metadata } from "next";
import { Time } from "@/components/ui/time";
import Link from "next/link";
import type { ReactNode } from "react";
import { AddProviderForm } from "@/components/providers/add-provider-form";
import { EnabledBadge } from "@/components/admin/badges";
import { ProviderActions } from "@/components/providers/provider-actions";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listProvidersForStaff } from "@/lib/providers/staff-providers";
import { requireStaff } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money/format";

export const metadata: Metadata = { title: "Providers" };

export default async function ProvidersPage() {
  const actor = await requireStaff();
  const providers = await listProvidersForStaff(await getDb(), actor);
  const isAdmin = actor.role === "admin";
  return (
    <>
      <PageHeader title="Providers" description="The upstream panels we buy from: what each holds for us, and its catalog." />
      <div className="space-y-4">
        {providers.length === 0 ? <EmptyState>No provider yet.{isAdmin ? " Add the first one below." : ""}</EmptyState> : null}
        {providers.map((p) => (
          <Card key={p.id}>
            <div data-testid={`provider-${p.name}`} className="space-y-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div className="flex items-center gap-2">
                  <h2 className="text-base font-semibold text-slate-900">{p.name}</h2>
                  <EnabledBadge enabled={p.enabled} />
                </div>
                <span className="break-all font-mono text-xs text-slate-500">{p.apiUrl}</span>
              </div>
              <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-5">
                <Detail label="Last balance" testId={`provider-balance-${p.id}`}>
                  {p.lastBalance !== null ? formatMoney(p.lastBalance, p.currency) : <span className="text-slate-400">not checked</span>}
                  <span className="block text-xs text-slate-500">{p.lastBalanceAt ? <Time value={p.lastBalanceAt} relative prefix="checked " /> : null}</span>
                </Detail>
                <Detail label="Currency · rate">
                  {p.currency} · {p.exchangeRate}
                </Detail>
                <Detail label="Timeout">{(p.timeoutMs / 1000).toLocaleString("en-US")} s</Detail>
                <Detail label="Services">
                  <Link href={`/admin/services?providerId=${p.id}`} className="text-indigo-700 hover:underline">
                    {p.enabledServices} enabled of {p.services}
                  </Link>
                </Detail>
                <Detail label="Products">
                  <Link href={`/admin/products?providerId=${p.id}`} className="text-indigo-700 hover:underline">
                    {p.products}
                  </Link>
                  {p.lastMarkup ? <span className="block text-xs text-slate-500">last markup {p.lastMarkup}</span> : null}
                </Detail>
              </dl>
              <ProviderActions provider={{ id: p.id, enabled: p.enabled, markup: p.lastMarkup ?? undefined, firstSync: p.services + p.products === 0 }} isAdmin={isAdmin} />
            </div>
          </Card>
        ))}
      </div>
      <Card title="Add a provider" className="mt-8">
        {isAdmin ? <AddProviderForm /> : <p className="text-sm text-slate-500">Only an admin can add providers.</p>}
      </Card>
    </>
  );
}

function Detail({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
