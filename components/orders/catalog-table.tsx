// One page of the customer catalog: a table from laptop width, and below it the same rows stacked
// as cards (name, price per 1000, min–max, average time, options, the Order button), so that a
// phone reads every service without scrolling sideways. One markup for both (the HTML stays
// small): the roles are written out because a table whose rows are laid out as blocks loses its
// table semantics in some browsers, and the labels the stacked layout shows are hidden from
// screen readers, which read the column headers instead.
import Link from "next/link";
import type { ReactNode } from "react";
import { formatMoney } from "@/lib/money/format";
import { describeAverageTime } from "@/lib/storefront/average-time";
import type { ServiceDetails } from "@/lib/storefront/service-search";
import { ServiceFeatureBadges } from "./service-details";

/** Shown before a value in the stacked layout only. */
function StackedLabel({ children }: { children: ReactNode }) {
  return (
    <span aria-hidden className="block text-xs text-slate-600 lg:hidden">
      {children}
    </span>
  );
}

const stackedCell = "max-lg:min-w-[7rem] max-lg:flex-1";

export function CatalogTable({ services, currency }: { services: ServiceDetails[]; currency: string }) {
  return (
    <table role="table" className="w-full text-left text-sm max-lg:block" aria-label="Services">
      <thead role="rowgroup" className="text-xs uppercase text-slate-600 max-lg:sr-only">
        <tr role="row">
          <th role="columnheader" className="py-2 pr-2">ID</th>
          <th role="columnheader" className="pr-2">Service</th>
          <th role="columnheader" className="pr-2 text-right">Rate / 1000</th>
          <th role="columnheader" className="pr-2 text-right">Min – max</th>
          <th role="columnheader" className="pr-2">Average time</th>
          <th role="columnheader" className="pr-2">Options</th>
          <th role="columnheader">
            <span className="sr-only">Order</span>
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup" className="divide-y divide-slate-100 align-top max-lg:block">
        {services.map((s) => (
          <tr
            key={s.id}
            role="row"
            data-testid={`service-row-${s.id}`}
            data-service-id={s.id}
            data-service-name={s.name}
            data-service-type={s.type}
            data-sell-rate={s.sellRate}
            className="max-lg:flex max-lg:flex-wrap max-lg:items-end max-lg:gap-x-4 max-lg:gap-y-2 max-lg:py-3"
          >
            <td role="cell" className="py-2 pr-2 tabular-nums text-slate-600 max-lg:hidden">{s.id}</td>
            <td role="cell" className="max-w-sm pr-2 max-lg:block max-lg:max-w-none max-lg:basis-full max-lg:pr-0">
              <div className="font-medium text-slate-900">
                <span className="font-normal tabular-nums text-slate-600 lg:hidden">#{s.id} </span>
                {s.name}
              </div>
              <div className="text-xs text-slate-600">
                {s.category} · {s.type}
              </div>
              {s.description ? <p className="mt-1 line-clamp-2 text-xs text-slate-600">{s.description}</p> : null}
            </td>
            <td role="cell" className={`pr-2 text-right tabular-nums max-lg:text-left ${stackedCell}`} data-testid="service-price">
              <StackedLabel>Rate / 1000</StackedLabel>
              <span className="max-lg:font-semibold max-lg:text-slate-900">{formatMoney(s.sellRate, currency)}</span>
            </td>
            <td role="cell" className={`whitespace-nowrap pr-2 text-right tabular-nums max-lg:text-left ${stackedCell}`}>
              <StackedLabel>Min – max</StackedLabel>
              {s.min} – {s.max}
            </td>
            <td role="cell" className={`whitespace-nowrap pr-2 text-xs ${stackedCell}`}>
              <StackedLabel>Average time</StackedLabel>
              {describeAverageTime(s.averageTime)}
            </td>
            <td role="cell" className="pr-2 max-lg:flex-1">
              <ServiceFeatureBadges service={s} />
            </td>
            <td role="cell" className="text-right max-lg:ml-auto">
              <Link
                href={`/new-order?service=${s.id}`}
                className="inline-block rounded-md bg-indigo-600 px-3 py-1 text-xs font-semibold text-white hover:bg-indigo-500 max-lg:px-4 max-lg:py-2 max-lg:text-sm"
                aria-label={`Order #${s.id} ${s.name}`}
              >
                Order
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
