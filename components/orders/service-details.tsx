// What a customer reads beside the chosen service before ordering: its description, our price
// per 1000, limits, what it supports, and how long our own customers' orders of it took.
import { formatMoney } from "@/lib/money/format";
import { describeAverageTime } from "@/lib/storefront/average-time";
import type { ServiceDetails } from "@/lib/storefront/service-search";

const PACKAGE_TYPES = new Set(["Package", "Custom Comments Package"]);

export function ServiceFeatureBadges({ service }: { service: Pick<ServiceDetails, "refill" | "cancel" | "dripfeed"> }) {
  const badges = [service.refill && "Refill", service.cancel && "Cancel", service.dripfeed && "Drip-feed"].filter(Boolean) as string[];
  if (!badges.length) return <span className="text-xs text-slate-600">No refill or cancel</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {badges.map((badge) => (
        <span key={badge} className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-800">
          {badge}
        </span>
      ))}
    </span>
  );
}

export function ServiceDetailsPanel({ service, currency }: { service: ServiceDetails; currency: string }) {
  const perPackage = PACKAGE_TYPES.has(service.type);
  return (
    <div className="space-y-2 rounded-md bg-slate-50 px-3 py-3 text-sm text-slate-700" data-testid="service-summary">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium text-slate-900">
          {formatMoney(service.sellRate, currency, { style: "rate" })} {perPackage ? "per package" : "per 1000"}
        </span>
        <ServiceFeatureBadges service={service} />
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-600">Type</dt>
        <dd>{service.type}</dd>
        <dt className="text-slate-600">Quantity</dt>
        <dd>
          min {service.min} · max {service.max}
        </dd>
        <dt className="text-slate-600">Average time</dt>
        <dd data-testid="average-time">{describeAverageTime(service.averageTime)}</dd>
      </dl>
      {service.description ? <p className="whitespace-pre-line text-xs text-slate-700">{service.description}</p> : null}
    </div>
  );
}
