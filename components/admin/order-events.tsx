// An order's events for staff, oldest first: when (in the reader's zone), the event type, and its
// text with state codes and refund kinds told in words (lib/orders/labels.ts).
import { Time } from "@/components/ui/time";
import { PANEL_CURRENCY } from "@/lib/currency";
import { describeOrderEvent } from "@/lib/orders/labels";

export function OrderEvents({ events }: { events: { id: string; type: string; message: string; createdAt: Date }[] }) {
  if (events.length === 0) return <p className="text-xs text-slate-400">No events.</p>;
  return (
    <ol className="space-y-1 border-l-2 border-slate-200 pl-3 text-xs">
      {events.map((e) => (
        <li key={e.id}>
          <Time value={e.createdAt} className="text-slate-500" />{" "}
          <span className="font-medium text-slate-700">{e.type.replace(/[-_]/g, " ")}</span> <span className="text-slate-600">{describeOrderEvent(e.type, e.message, PANEL_CURRENCY, "staff")}</span>
        </li>
      ))}
    </ol>
  );
}
