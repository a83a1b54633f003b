import type { Metadata } from "next";
import { PANEL_CURRENCY } from "@/lib/currency";
import { PriceRuleForm } from "@/components/pricing/price-rule-form";
import { PriceRuleList } from "@/components/pricing/price-rule-list";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listProviderNames } from "@/lib/providers/staff-providers";
import { requireStaff } from "@/lib/auth/session";
import { listCategoryNames } from "@/lib/catalog/category-names";
import { getDb } from "@/lib/db/client";
import { listPriceRules } from "@/lib/pricing/price-rules";

export const metadata: Metadata = { title: "Pricing" };

export default async function PricingPage() {
  const actor = await requireStaff();
  const db = await getDb();
  const [rules, providers, categories] = await Promise.all([listPriceRules(db, actor), listProviderNames(db, actor), listCategoryNames(db, actor)]);
  const isAdmin = actor.role === "admin";
  return (
    <>
      <PageHeader title="Pricing" description="Rules that turn upstream costs into our prices. Items without any rule sell at cost; fixed prices set on a service stay as they are." />
      <Card title="Rules">
        {rules.length === 0 ? <EmptyState>No rules yet: add a global default below.</EmptyState> : <PriceRuleList rules={rules} isAdmin={isAdmin} />}
      </Card>
      {isAdmin ? (
        <Card title="Add or change a rule" className="mt-6">
          <PriceRuleForm providers={providers.map((p) => ({ value: String(p.id), label: p.name }))} categories={categories} currency={PANEL_CURRENCY} />
        </Card>
      ) : (
        <p className="mt-6 text-sm text-slate-500">Only an admin can change pricing rules.</p>
      )}
    </>
  );
}
