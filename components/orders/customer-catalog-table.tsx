// One page of the customer catalog: a table from laptop width, and below it the same rows stacked
// as cards (name, price per 1000, min–max, average time, options, the Order button), so that a
// phone reads every service without scrolling sideways. One markup for both, styled by
// customer-catalog-table.module.css so that 50 rows stay small in the HTML. The roles are written out
// because a table whose rows are laid out as blocks loses its table semantics in some browsers.
import Link from "next/link";
import { Money } from "@/components/ui/money";
import { describeAverageTime } from "@/lib/storefront/average-time";
import type { ServiceDetails } from "@/lib/storefront/service-search";
import styles from "./customer-catalog-table.module.css";
import { ServiceFeatureBadges } from "./service-details";

export function CustomerCatalogTable({ services, currency }: { services: ServiceDetails[]; currency: string }) {
  return (
    <table role="table" className={styles.catalog} aria-label="Services">
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader">ID</th>
          <th role="columnheader">Service</th>
          <th role="columnheader">Rate / 1000</th>
          <th role="columnheader">Min – max</th>
          <th role="columnheader">Average time</th>
          <th role="columnheader">Options</th>
          <th role="columnheader">
            <span className="sr-only">Order</span>
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {services.map((s) => (
          <tr
            key={s.id}
            role="row"
            data-testid={`service-row-${s.id}`}
            data-service-id={s.id}
            data-service-name={s.name}
            data-service-type={s.type}
            data-sell-rate={s.sellRate}
          >
            <td role="cell">{s.id}</td>
            <td role="cell">
              {/* The id shows here on cards, where the ID column is hidden. */}
              <div><span>{`#${s.id} `}</span>{s.name}</div>
              <div>{`${s.category} · ${s.type}`}</div>
              {s.description ? <p>{s.description}</p> : null}
            </td>
            <td role="cell" data-testid="service-price"><Money amount={s.sellRate} currency={currency} style="rate" /></td>
            <td role="cell">{`${s.min} – ${s.max}`}</td>
            <td role="cell">{describeAverageTime(s.averageTime)}</td>
            <td role="cell">
              <ServiceFeatureBadges service={s} />
            </td>
            <td role="cell">
              <Link href={`/new-order?service=${s.id}`} aria-label={`Order #${s.id} ${s.name}`}>
                Order
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
