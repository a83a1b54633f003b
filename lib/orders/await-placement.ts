// A copy of an idempotent request (same customer, same key) that arrives while the first copy is
// still sending `add` must answer what the first copy answers, not "Not enough funds" (the first
// copy holds the charge) nor "placed" while the first copy is about to be refused and refunded.
// The first copy's order row is the rendezvous: it stays pending_submit, under its sender's lease
// (renewed while `add` is in flight), until the answer is recorded. Copies wait here until it
// leaves pending_submit, or until the lease runs out (the sender stopped: the worker takes over and
// the copy answers with the order as it stands). The wait is a short poll of one indexed row,
// outside any transaction, so waiting copies hold no connection and no lock.
import type { Db } from "@/lib/db/connection";

const FIRST_POLL_MS = 10;
const MAX_POLL_MS = 200;
/** Whatever the lease says, a copy never waits longer than this. */
const MAX_WAIT_MS = 120_000;

type WaitListener = (orderId: number) => void;
const listeners = new Set<WaitListener>();

/** Called when a copy starts waiting for another copy's placement (for tests and diagnostics). */
export function onPlacementWait(listener: WaitListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function awaitPlacementSettled(db: Db, orderId: number): Promise<void> {
  const started = Date.now();
  let delay = FIRST_POLL_MS;
  for (let announced = false; ; announced = true) {
    const row = await db.order.findUnique({ where: { id: orderId }, select: { state: true, leaseUntil: true } });
    if (!row || row.state !== "pending_submit" || !row.leaseUntil || row.leaseUntil.getTime() <= Date.now()) return;
    if (Date.now() - started > MAX_WAIT_MS) return;
    if (!announced) for (const listener of listeners) listener(orderId);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, MAX_POLL_MS);
  }
}
