// The staff services and products table: upstream cost, our price and how it was set, flags, and
// (for admins) the row's price and on/off controls. Customers' catalog is components/orders/customer-catalog-table.tsx.
import Link from "next/link";
import type { ReactNode } from "react";
import type { StaffCatalogItem } from "@/lib/catalog/staff-catalog";
import { PANEL_CURRENCY } from "@/lib/currency";
import { Badge } from "@/components/ui/badge";
import { column, DataTable, type ListColumn } from "@/components/ui/data-table";
import { Money } from "@/components/ui/money";
import { EnabledBadge } from "@/components/admin/badges";
import { CatalogRowActions } from "./catalog-row-actions";

type Row = StaffCatalogItem;

/**
 * The staff price table shared by services (rates per 1000) and products (rates per unit):
 * upstream cost exactly as the provider sent it, our price, and how that price was set. On a
 * phone each item is a card: its name, then its price and flags, then the admin's buttons.
 */
export function StaffCatalogTable<R extends Row>({
  kind,
  rows,
  isAdmin,
  describe,
  flags,
}: {
  kind: "service" | "product";
  rows: R[];
  isAdmin: boolean;
  describe: (row: R) => ReactNode;
  flags: (row: R) => ReactNode;
}) {
  const unit = kind === "service" ? "per 1000" : "per unit";
  const columns: ListColumn<R>[] = [
    column<R>({
      header: kind === "service" ? "Service" : "Product",
      card: "title",
      className: "max-w-80",
      cell: (row) => (
        <>
          <div className="font-medium text-slate-900">
            {kind === "service" ? <Link href={`/admin/services/${row.id}`} className="hover:underline">{row.name}</Link> : row.name}
          </div>
          <div className="text-xs text-slate-500">
            #{row.id} · upstream {row.upstreamId} · {row.category}
          </div>
          <div className="text-xs text-slate-500" data-testid="item-detail">
            {describe(row)}
          </div>
        </>
      ),
    }),
    column<R>({ header: "Provider", className: "whitespace-nowrap", cell: (row) => row.provider.name }),
    column<R>({
      id: "upstream-cost",
      label: `Upstream cost ${unit}`,
      header: <>Upstream cost<span className="block font-normal normal-case">{unit}, exact</span></>,
      align: "right",
      className: "tabular-nums whitespace-nowrap",
      testId: "upstream-rate",
      cell: (row) => (
        <>
          {row.upstreamRate} {row.provider.currency}
          {row.provider.currency !== PANEL_CURRENCY || row.cost !== row.upstreamRate ? (
            <span className="block text-xs text-slate-500">= <Money amount={row.cost} currency={PANEL_CURRENCY} /></span>
          ) : null}
        </>
      ),
    }),
    column<R>({ id: "sell-rate", label: `Sell rate ${unit}`, card: "primary", header: <>Sell rate<span className="block font-normal normal-case">{unit}</span></>, align: "right", className: "tabular-nums whitespace-nowrap", testId: "sell-rate", cell: (row) => <SellRate row={row} /> }),
    column<R>({ header: "Min – max", align: "right", className: "tabular-nums whitespace-nowrap", cell: (row) => `${row.min.toLocaleString("en-US")} – ${row.max.toLocaleString("en-US")}` }),
    column<R>({
      header: "Flags",
      card: "primary",
      cell: (row) => (
        <div className="flex max-w-40 flex-wrap gap-1">
          <EnabledBadge enabled={row.enabled} />
          {row.upstreamListed ? null : <Badge tone="amber" title="The provider stopped listing it">not listed upstream</Badge>}
          {row.invalidReason ? <Badge tone="red" title={row.invalidReason}>unsellable</Badge> : null}
          {flags(row)}
        </div>
      ),
    }),
  ];
  if (isAdmin) {
    columns.push(column<R>({
      header: "Admin",
      card: "action",
      cell: (row) => <CatalogRowActions item={{ kind, id: row.id, sellRate: row.sellRate, sellRateOverride: row.sellRateOverride, enabled: row.enabled, upstreamListed: row.upstreamListed }} />,
    }));
  }
  return (
    <DataTable
      label={kind === "service" ? "Services" : "Products"}
      columns={columns}
      rows={rows}
      rowAttributes={(row) => ({ "data-testid": `${kind}-row-${row.id}`, className: row.enabled ? "" : "bg-slate-50/70 text-slate-500" })}
      alignTop
    />
  );
}

function SellRate({ row }: { row: Row }) {
  return (
    <>
      <Money amount={row.sellRate} currency={PANEL_CURRENCY} className="font-medium text-slate-900" />
      <span className="block text-xs">
        {row.sellRateOverride ? <Badge tone="indigo" title="Set by an admin; kept across syncs">fixed price</Badge> : <span className="text-slate-500">markup {row.markupPercent}%</span>}
      </span>
      {row.belowCost ? (
        <span className="mt-0.5 block">
          <Badge tone="red" title={row.priceFlag === "below_cost_confirmed" ? "An admin confirmed selling below cost" : undefined}>
            {row.priceFlag === "below_cost_confirmed" ? "below cost (confirmed)" : "below cost"}
          </Badge>
        </span>
      ) : null}
      {row.priceFlag === "cost_rose_above_fixed_price" ? (
        <span className="mt-0.5 block">
          <Badge tone="amber" title="The upstream cost rose above the fixed price; a sync repriced it by its rule">repriced: cost rose</Badge>
        </span>
      ) : null}
    </>
  );
}
