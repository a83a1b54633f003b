// What `npm run demo` puts in the embedded database: demo accounts, the built-in simulator
// registered as "Demo provider", its catalog at a 25 % markup, and a starting balance.
import type { Db } from "@/lib/db/connection";
import { syncCatalog } from "@/lib/catalog";
import { creditFunds } from "@/lib/ledger";
import { encryptProviderKey } from "@/lib/providers/key-encryption";
import { addProvider } from "@/lib/providers/manage-providers";
import { seedAccounts } from "./seed-accounts";

export const DEMO_ACCOUNTS = {
  admin: { email: "admin@demo.local", password: "demo-admin-123", role: "admin" as const },
  customer: { email: "customer@demo.local", password: "demo-customer-123", role: "customer" as const },
};
export const DEMO_PROVIDER = "Demo provider";
export const DEMO_MARKUP = "25";
export const DEMO_STARTING_BALANCE = "100";

export async function setUpDemo(db: Db, simulator: { url: string; key: string }): Promise<string[]> {
  const notes: string[] = [];
  await seedAccounts(db, Object.values(DEMO_ACCOUNTS));

  const existing = await db.provider.findUnique({ where: { name: DEMO_PROVIDER } });
  let providerId: number;
  if (existing) {
    // The simulator may listen on another port than last time.
    await db.provider.update({
      where: { id: existing.id },
      data: { apiUrl: simulator.url, apiKeyEncrypted: encryptProviderKey(simulator.key) },
    });
    providerId = existing.id;
  } else {
    const added = await addProvider(db, { name: DEMO_PROVIDER, url: simulator.url, key: simulator.key });
    if (!added.ok) throw new Error(`Cannot register the demo provider: ${JSON.stringify(added.fieldErrors)}`);
    providerId = added.provider.id;
    notes.push(`Registered "${DEMO_PROVIDER}" at ${simulator.url}`);
  }

  const sync = await syncCatalog(db, providerId, { markupPercent: DEMO_MARKUP });
  notes.push(`Catalog: ${JSON.stringify(sync)}`);

  const customer = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.customer.email } });
  const credited = await db.ledgerEntry.count({ where: { userId: customer.id, kind: "credit" } });
  if (credited === 0) {
    const result = await creditFunds(db, { customerId: customer.id, amount: DEMO_STARTING_BALANCE, reason: "Demo starting balance" });
    if (!result.ok) throw new Error(`Cannot credit the demo customer: ${result.error}`);
    notes.push(`Credited ${DEMO_STARTING_BALANCE} to ${customer.email}`);
  }
  return notes;
}
