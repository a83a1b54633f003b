// A record's fields as label → value pairs (an order, a payment), one <dl> markup for every page
// that shows one. `null` items are skipped, so optional fields read as a plain list at the caller.
import type { ReactNode } from "react";

export type DetailItem = { label: string; value: ReactNode; testId?: string; valueClassName?: string } | null;

export function DetailList({
  items,
  columns = "grid-cols-[auto_1fr]",
  valueClassName = "min-w-0 break-words",
  className = "",
}: {
  items: DetailItem[];
  /** The grid's column template (labels narrow, values wide by default). */
  columns?: string;
  valueClassName?: string;
  className?: string;
}) {
  return (
    <dl className={`grid ${columns} gap-x-4 gap-y-1 text-sm ${className}`.trim()}>
      {items.map((item) =>
        item ? (
          <div key={item.label} className="contents">
            <dt className="text-slate-600">{item.label}</dt>
            <dd className={`${valueClassName} ${item.valueClassName ?? ""}`.trim()} data-testid={item.testId}>
              {item.value}
            </dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}
