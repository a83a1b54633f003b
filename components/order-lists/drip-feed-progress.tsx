// A drip-feed order's runs as a row of small bars, each filled by what of that run was delivered
// (deliveries fill the runs in order). Many runs are summed up in one bar instead of a bar each.
import type { DripFeedOrder } from "@/lib/storefront/order-lists";

const MOST_BARS = 40;

export function DripFeedProgress({ order }: { order: DripFeedOrder }) {
  const summary = `${order.runsDone} of ${order.runs} runs delivered`;
  return (
    <div className="space-y-1 text-sm" data-testid="drip-feed-progress">
      <p className="flex flex-wrap gap-x-3 text-slate-700">
        <span className="font-medium">{summary}</span>
        <span>{order.perRun} per run · every {order.interval} min</span>
        <span className="tabular-nums">{order.delivered} / {order.quantity} delivered</span>
      </p>
      {order.runs <= MOST_BARS ? (
        <ol className="flex gap-0.5" aria-label={summary}>
          {order.runProgress.map((run) => (
            <li key={run.run} className="h-2 flex-1 overflow-hidden rounded-sm bg-slate-200" title={`Run ${run.run}: ${Math.round(run.done * 100)} %`}>
              <span className="block h-full bg-indigo-600" style={{ width: `${run.done * 100}%` }} />
            </li>
          ))}
        </ol>
      ) : (
        <div className="h-2 overflow-hidden rounded-sm bg-slate-200" role="img" aria-label={summary}>
          <span className="block h-full bg-indigo-600" style={{ width: `${(order.delivered / order.quantity) * 100}%` }} />
        </div>
      )}
    </div>
  );
}
