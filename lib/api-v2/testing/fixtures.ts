// Test set-up shared by the API tests: customers with funds and keys, a simulator registered as
// a provider with its catalog imported, and worker passes that finish what the simulator finished.
import crypto from "node:crypto";
import { createApiKey } from "@/lib/api-keys";
import { syncCatalog } from "@/lib/catalog";
import type { Db } from "@/lib/db/connection";
import { runSyncPass } from "@/lib/jobs";
import { creditFunds } from "@/lib/ledger";
import { Decimal } from "@/lib/money";
import { addProvider } from "@/lib/providers/manage-providers";
import { createUser } from "@/lib/users/create-user";

export const uniqueLabel = (label: string) => `${label}-${Date.now().toString(36)}-${crypto.randomBytes(3).toString("hex")}`;

export type TestCustomer = { id: number; email: string; key: string };

export async function createCustomer(db: Db, label: string, funds?: string): Promise<TestCustomer> {
  const email = `${uniqueLabel(label)}@api.test`;
  const created = await createUser(db, { email, password: "api-test-pass-1" });
  if (!created.ok) throw new Error(`createUser: ${JSON.stringify(created.fieldErrors)}`);
  if (funds) {
    const credited = await creditFunds(db, { customerId: created.user.id, amount: funds, reason: "test funds" });
    if (!credited.ok) throw new Error(`creditFunds: ${credited.error}`);
  }
  const key = await createApiKey(db, created.user.id, "test key");
  if (!key.ok) throw new Error(`createApiKey: ${key.error}`);
  return { id: created.user.id, email, key: key.key };
}

/** Registers an upstream (simulator or another panel) and imports its catalog at `markup` %. */
export async function connectUpstream(db: Db, upstream: { url: string; key: string }, markup: string): Promise<number> {
  const added = await addProvider(db, { name: uniqueLabel("upstream"), url: upstream.url, key: upstream.key, timeoutMs: 20_000 });
  if (!added.ok) throw new Error(`addProvider: ${JSON.stringify(added.fieldErrors)}`);
  const synced = await syncCatalog(db, added.provider.id, { markupPercent: new Decimal(markup) });
  if (!synced.ok) throw new Error(`syncCatalog: ${synced.error}`);
  return added.provider.id;
}

let passClock = Date.now();

/**
 * One worker pass over these providers' orders, as if ten minutes had passed since the last one
 * (so every open order is due again). Limited to the test's own providers: other test files
 * share the database, and a pass on their orders would poll their simulators at the wrong time
 * and lease their orders into this file's future.
 */
export async function workerPass(db: Db, providerIds: number[]) {
  passClock = Math.max(passClock, Date.now()) + 10 * 60_000;
  return runSyncPass(db, { now: new Date(passClock), providerIds });
}

/** Rows a bad request must not write, for these customers (other test files share the database). */
export async function writeCounts(db: Db, userIds: number[]) {
  const mine = { userId: { in: userIds } };
  const [orders, ledgerEntries, refills, orderEvents, balances] = await Promise.all([
    db.order.count({ where: mine }),
    db.ledgerEntry.count({ where: mine }),
    db.refill.count({ where: mine }),
    db.orderEvent.count({ where: { order: mine } }),
    db.user.findMany({ where: { id: { in: userIds } }, orderBy: { id: "asc" }, select: { balance: true } }),
  ]);
  return { orders, ledgerEntries, refills, orderEvents, balances: balances.map((u) => u.balance.toFixed(6)) };
}
