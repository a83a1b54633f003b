// One page of the customer catalog. At phone width the table scrolls inside its own box, so the
// page itself never scrolls sideways.
import Link from "next/link";
import { formatMoney } from "@/lib/money/format";
import { describeAverageTime } from "@/lib/storefront/average-time";
import type { ServiceDetails } from "@/lib/storefront/service-search";
import { ServiceFeatureBadges } from "./service-details";

export function CatalogTable({ services, currency }: { services: ServiceDetails[]; currency: string }) {
  return (
    <div className="relative overflow-x-auto" role="region" aria-label="Services" tabIndex={0}>
      <table className="w-full min-w-[52rem] text-left text-sm">
        <thead className="text-xs uppercase text-slate-600">
          <tr>
            <th className="py-2 pr-2">ID</th>
            <th className="pr-2">Service</th>
            <th className="pr-2 text-right">Rate / 1000</th>
            <th className="pr-2 text-right">Min – max</th>
            <th className="pr-2">Average time</th>
            <th className="pr-2">Options</th>
            <th>
              <span className="sr-only">Order</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {services.map((s) => (
            <tr key={s.id} data-testid={`service-row-${s.id}`} data-service-id={s.id} data-service-name={s.name} data-service-type={s.type} data-sell-rate={s.sellRate}>
              <td className="py-2 pr-2 tabular-nums text-slate-600">{s.id}</td>
              <td className="max-w-sm pr-2">
                <div className="font-medium text-slate-900">{s.name}</div>
                <div className="text-xs text-slate-600">
                  {s.category} · {s.type}
                </div>
                {s.description ? <p className="mt-1 line-clamp-2 text-xs text-slate-600">{s.description}</p> : null}
              </td>
              <td className="pr-2 text-right tabular-nums">{formatMoney(s.sellRate, currency)}</td>
              <td className="whitespace-nowrap pr-2 text-right tabular-nums">
                {s.min} – {s.max}
              </td>
              <td className="whitespace-nowrap pr-2 text-xs">{describeAverageTime(s.averageTime)}</td>
              <td className="pr-2">
                <ServiceFeatureBadges service={s} />
              </td>
              <td className="text-right">
                <Link
                  href={`/new-order?service=${s.id}`}
                  className="inline-block rounded-md bg-indigo-600 px-3 py-1 text-xs font-semibold text-white hover:bg-indigo-500"
                  aria-label={`Order #${s.id} ${s.name}`}
                >
                  Order
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
