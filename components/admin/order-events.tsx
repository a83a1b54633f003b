import { formatWhen } from "./format";

export function OrderEvents({ events }: { events: { id: string; type: string; message: string; createdAt: Date }[] }) {
  if (events.length === 0) return <p className="text-xs text-slate-400">No events.</p>;
  return (
    <ol className="space-y-1 border-l-2 border-slate-200 pl-3 text-xs">
      {events.map((e) => (
        <li key={e.id}>
          <span className="text-slate-400">{formatWhen(e.createdAt)}</span>{" "}
          <span className="font-medium text-slate-700">{e.type}</span> <span className="text-slate-600">{e.message}</span>
        </li>
      ))}
    </ol>
  );
}
