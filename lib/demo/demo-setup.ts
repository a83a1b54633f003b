// What `npm run demo` puts in the embedded database: demo accounts, the built-in simulator
// registered as "Demo provider", its catalog at a 25 % markup, and a starting balance. Its
// payment methods are lib/demo/demo-payments.ts (kept apart: they go through server-only payment
// code, which the browser tests' runner, importing this file, must not load).
import type { Db } from "@/lib/db/connection";
import { syncCatalog } from "@/lib/catalog";
import { creditFunds } from "@/lib/ledger";
import { encryptProviderKey } from "@/lib/providers/key-encryption";
import { addProvider } from "@/lib/providers/manage-providers";
import { summaryLines } from "@/lib/catalog/sync-summary-text";
import { seedAccounts } from "./seed-accounts";
import { ZProviderInput } from "@/lib/providers/schemas";

export const DEMO_ACCOUNTS = {
  admin: { email: "admin@demo.local", password: "demo-admin-123", role: "admin" as const },
  customer: { email: "customer@demo.local", password: "demo-customer-123", role: "customer" as const },
};
export const DEMO_PROVIDER = "Demo provider";
export const DEMO_MARKUP = "25";
export const DEMO_STARTING_BALANCE = "100";

export async function setUpDemo(db: Db, simulator: { url: string; key: string }): Promise<string[]> {
  await seedAccounts(db, Object.values(DEMO_ACCOUNTS));
  const notes = await ensureSimulatorProvider(db, DEMO_PROVIDER, simulator, DEMO_MARKUP);
  const credited = await ensureStartingBalance(db, DEMO_ACCOUNTS.customer.email, DEMO_STARTING_BALANCE);
  if (credited) notes.push(credited);
  return notes;
}

/** Registers (or re-points) a provider at a simulator and imports its catalog at a markup. */
export async function ensureSimulatorProvider(
  db: Db,
  name: string,
  simulator: { url: string; key: string },
  markupPercent: string,
): Promise<string[]> {
  const notes: string[] = [];
  const existing = await db.provider.findUnique({ where: { name } });
  let providerId: number;
  if (existing) {
    // The simulator may listen on another port than last time.
    await db.provider.update({
      where: { id: existing.id },
      data: { apiUrl: simulator.url, apiKeyEncrypted: encryptProviderKey(simulator.key) },
    });
    providerId = existing.id;
  } else {
    const added = await addProvider(db, ZProviderInput.parse({ name, url: simulator.url, key: simulator.key }));
    if (!added.ok) throw new Error(`Cannot register ${name}: ${added.message}`);
    providerId = added.provider.id;
    notes.push(`Registered "${name}" at ${simulator.url}`);
  }
  const sync = await syncCatalog(db, providerId, { markupPercent });
  // In words, one short line each (the summary object is hundreds of characters of JSON).
  notes.push(...(sync.ok ? summaryLines(sync.summary).map((line) => `Catalog of "${name}": ${line}`) : [`Catalog of "${name}" not synced: ${sync.message}`]));
  return notes;
}

/** Credits a customer once, the first time only (a repeatable seed). */
export async function ensureStartingBalance(db: Db, email: string, amount: string): Promise<string | null> {
  const customer = await db.user.findUniqueOrThrow({ where: { email } });
  const credited = await db.ledgerEntry.count({ where: { userId: customer.id, kind: "credit" } });
  if (credited > 0) return null;
  const result = await creditFunds(db, { customerId: customer.id, amount, reason: "Starting balance" });
  if (!result.ok) throw new Error(`Cannot credit ${email}: ${result.message}`);
  return `Credited ${amount} to ${email}`;
}
