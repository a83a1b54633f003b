import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { ServiceEditForm } from "@/components/pricing/service-edit-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/session";
import { serviceForEdit } from "@/lib/catalog/edit-service";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Service" };

export default async function ServiceEditPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const { id } = await params;
  const service = /^\d{1,10}$/.test(id) ? await serviceForEdit(await getDb(), actor, Number(id)) : null;
  if (!service) notFound();
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/admin/services" className="text-indigo-700 hover:underline">← Services</Link></p>
      <PageHeader title={service.name} description={`#${service.id} · ${service.provider.name} · upstream ${service.upstreamId} · ${service.type} · ${formatMoney(service.sellRate.toFixed(6))} per 1000`} />
      <div className="mb-4 flex flex-wrap gap-2">
        {service.enabled ? <Badge tone="green">on sale</Badge> : <Badge>off</Badge>}
        {!service.upstreamListed ? <Badge tone="red">no longer listed upstream</Badge> : null}
        {service.invalidReason ? <Badge tone="red" title={service.invalidReason}>unsellable: {service.invalidReason}</Badge> : null}
      </div>
      <Card className="max-w-2xl">
        {actor.role === "admin" ? <ServiceEditForm service={service} /> : <p className="text-sm text-slate-500">Only an admin can edit services.</p>}
      </Card>
    </>
  );
}
