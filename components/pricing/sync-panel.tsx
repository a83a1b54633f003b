"use client";
// One provider's catalog sync: its schedule (admin), a manual sync button, and the latest run —
// progress while it runs (the page refreshes itself every 2 s meanwhile) and its summary after.
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { startSyncAction } from "@/components/pricing/actions/start-sync-action";
import { setSyncScheduleAction } from "@/components/pricing/actions/sync-schedule-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { initialActionState } from "@/lib/actions/action-state";

export type SyncPanelRun = {
  providerId: number; provider: string; status: string; phase: string; processed: number; total: number;
  startedAt: string; finishedAt: string | null; error: string | null; summaryLines: string[]; intervalMinutes: number | null; nextSyncAt: string | null;
};

export function SyncPanel({ run, isAdmin }: { run: SyncPanelRun; isAdmin: boolean }) {
  const router = useRouter();
  const [schedule, scheduleAction] = useActionState(setSyncScheduleAction, initialActionState);
  const [sync, syncAction] = useActionState(startSyncAction, initialActionState);
  const running = run.status === "running";
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [running, router]);
  const percent = run.total ? Math.min(100, Math.round((run.processed / run.total) * 100)) : 0;
  const fieldId = `interval-${run.providerId}`;
  const intervalError = schedule.fieldErrors?.intervalMinutes;
  return (
    <section className="rounded-md border border-slate-200 p-4" data-testid={`sync-panel-${run.providerId}`} aria-label={`Catalog sync of ${run.provider}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="font-medium text-slate-900">{run.provider}</h3>
          <p className="text-xs text-slate-500">
            {run.intervalMinutes ? `Every ${run.intervalMinutes} min${run.nextSyncAt ? `, next ${run.nextSyncAt}` : ""}` : "Manual syncs only"}
          </p>
        </div>
        {isAdmin ? (
          <div className="flex flex-wrap items-start gap-2">
            <form action={scheduleAction} noValidate className="flex items-start gap-1">
              <input type="hidden" name="providerId" value={run.providerId} />
              <div>
                <label htmlFor={fieldId} className="sr-only">Minutes between syncs for {run.provider}</label>
                <input id={fieldId} name="intervalMinutes" inputMode="numeric" placeholder="minutes"
                  defaultValue={schedule.values?.intervalMinutes ?? (run.intervalMinutes ? String(run.intervalMinutes) : "")}
                  aria-invalid={intervalError ? true : undefined} aria-describedby={intervalError ? `${fieldId}-error` : undefined}
                  className={`w-24 rounded-md border px-2 py-1 text-sm ${intervalError ? "border-red-400" : "border-slate-300"}`} />
                {intervalError ? <p id={`${fieldId}-error`} role="alert" className="mt-1 max-w-48 text-xs text-red-600">{intervalError}</p> : null}
              </div>
              <SubmitButton variant="secondary" className="px-3 py-1.5 text-xs" pendingText="…">Set schedule</SubmitButton>
            </form>
            <form action={syncAction}>
              <input type="hidden" name="providerId" value={run.providerId} />
              <SubmitButton className="px-3 py-1.5 text-xs" pendingText="Syncing…" disabled={running}>Sync now</SubmitButton>
            </form>
          </div>
        ) : null}
      </div>
      <div className="mt-3 text-sm" data-testid="sync-status">
        {run.status === "never" ? (
          <p className="text-slate-500">Never synced.</p>
        ) : running ? (
          <>
            <p>Syncing since {run.startedAt}: {run.phase} ({run.processed} of {run.total})</p>
            <div className="mt-1 h-2 w-full max-w-md rounded bg-slate-100" role="progressbar" aria-label={`Sync progress of ${run.provider}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
              <div className="h-2 rounded bg-indigo-500" style={{ width: `${percent}%` }} />
            </div>
          </>
        ) : run.status === "failed" ? (
          <p className="text-red-700">Last sync failed ({run.finishedAt}), nothing changed: {run.error}</p>
        ) : (
          <>
            <p className="text-slate-600">Last sync {run.finishedAt}:</p>
            <ul className="ml-4 list-disc text-slate-700">{run.summaryLines.map((l) => <li key={l}>{l}</li>)}</ul>
          </>
        )}
      </div>
      <div className="mt-2 space-y-1">
        <FormMessage error={intervalError ? undefined : schedule.error} message={schedule.message} />
        <FormMessage error={sync.error} message={sync.message} />
      </div>
    </section>
  );
}
