// How long the "sent" mark of an order protects it. The process that sends `add` holds a short
// lease on the order (Order.leaseUntil, unused while pending_submit) and renews it while it waits
// for the answer; only when the lease runs out, because that process stopped, does the worker
// turn the order unknown for staff. So a dead sender costs SUBMIT_LEASE_SECONDS, not minutes,
// and a slow `add` still being waited on is never given up on.
import { config } from "@/lib/config";

/** The sender's lease on a sent order without a recorded answer (renewed every third of it). */
export function submitLeaseMs(): number {
  return config().SUBMIT_LEASE_SECONDS * 1000;
}

/** A charged order not yet sent is left to its own request for this long before the worker sends it. */
export function submitGraceMs(): number {
  return config().SUBMIT_GRACE_SECONDS * 1000;
}

/**
 * Renews `renew` every third of `leaseMs` until stopped. Renewal failures are ignored: the worst
 * case is the lease running out, which turns the order unknown, never sends it again.
 */
export function keepLeaseAlive(leaseMs: number, renew: () => Promise<unknown>): () => void {
  if (leaseMs <= 0) return () => {};
  const timer = setInterval(() => void renew().catch(() => {}), Math.max(50, Math.floor(leaseMs / 3)));
  timer.unref?.();
  return () => clearInterval(timer);
}
