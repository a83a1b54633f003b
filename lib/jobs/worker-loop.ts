// The worker in-process: a pass, a pause, again, until stopped. While work is due (a pass stopped
// at its limit) passes run back to back; the pause is for when there is nothing left to do. A
// failing pass is logged and retried next round; stop() waits for the pass in flight to reach a
// safe point.
import type { Db } from "@/lib/db/connection";
import { getDb } from "@/lib/db/connection";
import { refreshProviderBalances } from "@/lib/providers/manage-providers";
import { runDueCatalogSyncs } from "@/lib/catalog/scheduled-sync";
import { reconcileWaitingPayments } from "@/lib/payments/reconcile-waiting-payments";
import { runAlertPass } from "@/lib/alerts/run-alert-pass";
import { runNotificationPass } from "@/lib/notifications/run-notification-pass";
import { describeSyncPass, runSyncPass, workerOwner, type SyncPassOptions } from "./run-sync-pass";

/** How often the loop refreshes the providers' balances for the staff overview. */
const BALANCE_REFRESH_MS = 10 * 60_000;
/** How often the loop asks gateways about payments still waiting (a lost webhook). */
const PAYMENT_SWEEP_MS = 5 * 60_000;
/** How often the loop works out customer emails and owner alerts (lib/notifications, lib/alerts). */
const NOTIFY_MS = 30_000;

export type WorkerLoop = { stop(): Promise<void> };

export function startWorkerLoop(
  options: { intervalMs: number; db?: Db; log?: (line: string) => void } & Omit<SyncPassOptions, "now" | "signal">,
): WorkerLoop {
  const { intervalMs, log = () => {}, ...passOptions } = options;
  const owner = passOptions.owner ?? workerOwner();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;

  let balancesRefreshedAt = 0;
  let paymentsSweptAt = 0;
  let notifiedAt = 0;
  const finished = (async () => {
    while (!controller.signal.aborted) {
      let moreDue = false;
      try {
        const db = options.db ?? (await getDb());
        const report = await runSyncPass(db, { ...passOptions, owner, signal: controller.signal });
        moreDue = report.moreDue;
        for (const line of describeSyncPass(report)) log(line);
        if (!passOptions.providerIds && Date.now() - balancesRefreshedAt >= BALANCE_REFRESH_MS) {
          balancesRefreshedAt = Date.now();
          const balances = await refreshProviderBalances(db);
          for (const failure of balances.failed) log(`provider balance not refreshed: ${failure}`);
        }
        if (!passOptions.providerIds) await runDueCatalogSyncs(db, { log });
        if (!passOptions.providerIds && Date.now() - paymentsSweptAt >= PAYMENT_SWEEP_MS) {
          paymentsSweptAt = Date.now();
          const swept = await reconcileWaitingPayments(db);
          if (swept.asked) log(`${swept.asked} waiting payment(s) asked: ${swept.credited} credited, ${swept.closed} closed, ${swept.errors} unanswered`);
        }
        if (!passOptions.providerIds && Date.now() - notifiedAt >= NOTIFY_MS) {
          notifiedAt = Date.now();
          const told = await runNotificationPass(db);
          if (told.orders + told.payments + told.lowBalances) log(`emails queued: ${told.orders} order, ${told.payments} payment, ${told.lowBalances} low balance`);
          const alerts = await runAlertPass(db);
          if (alerts.digest) log(`owner alert digest ${alerts.digest.digestId}: ${alerts.digest.alerts} alert(s)`);
          if (alerts.telegram.failed) log(`${alerts.telegram.failed} Telegram alert(s) failed`);
        }
      } catch (error) {
        log(`sync pass failed: ${(error as Error).message}`);
      }
      if (controller.signal.aborted) break;
      if (moreDue) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, intervalMs);
      });
    }
  })();

  return {
    async stop() {
      controller.abort();
      if (timer) clearTimeout(timer);
      wake?.();
      await finished;
    },
  };
}
