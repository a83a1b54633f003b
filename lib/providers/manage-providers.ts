import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import type { UpstreamClient } from "@/lib/upstream";
import { recordAudit } from "@/lib/audit/record-audit";
import { encryptProviderKey } from "./key-encryption";
import { loadProviderConnection, upstreamClientFor } from "./provider-client";
import type { ProviderInput } from "./schemas";
import { fieldRefusal, type Failure } from "@/lib/result";

export type AddProviderResult = { ok: true; provider: { id: number; name: string } } | Failure;

/**
 * Registers an upstream panel; its API key is encrypted before it is stored. `p` is parsed by
 * ZProviderInput at the boundary; `actorId` null: the CLI.
 */
export async function addProvider(db: Db, p: ProviderInput, actorId: number | null = null): Promise<AddProviderResult> {
  try {
    const provider = await db.$transaction(async (tx) => {
      const created = await tx.provider.create({
        data: {
          name: p.name,
          apiUrl: p.url,
          apiKeyEncrypted: encryptProviderKey(p.key),
          currency: p.currency,
          exchangeRate: p.exchangeRate,
          timeoutMs: p.timeoutMs,
        },
        select: { id: true, name: true, apiUrl: true, currency: true, exchangeRate: true, timeoutMs: true, enabled: true },
      });
      await recordAudit(tx, { actorId, action: "provider.add", entityType: "Provider", entityId: created.id, after: created });
      return { id: created.id, name: created.name };
    });
    return { ok: true, provider };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return fieldRefusal("name_taken", "name", "A provider with this name already exists.");
    }
    throw error;
  }
}

export async function listProviders(db: Db) {
  return db.provider.findMany({ orderBy: { id: "asc" } });
}

export async function findProviderByName(db: Db, name: string) {
  return db.provider.findUnique({ where: { name } });
}

/** The upstream client for a stored provider. */
export async function clientForProvider(db: Db, providerId: number): Promise<UpstreamClient> {
  const row = await loadProviderConnection(db, providerId);
  if (!row) throw new Error(`No provider with id ${providerId}.`);
  return upstreamClientFor(row);
}

export type ProviderCheck =
  | { ok: true; balance: string; currency: string; services: number; products: number | null }
  | { ok: false; step: "balance" | "services"; kind: "definite" | "indeterminate"; message: string };

/** Calls `balance` and `services` (and `products`, which not every panel has) and reports. */
export async function checkUpstream(client: UpstreamClient): Promise<ProviderCheck> {
  const balance = await client.balance();
  if (!balance.ok) return { ok: false, step: "balance", kind: balance.kind, message: balance.message };
  const services = await client.services();
  if (!services.ok) return { ok: false, step: "services", kind: services.kind, message: services.message };
  const products = await client.products();
  return {
    ok: true,
    balance: balance.value.balance.toString(),
    currency: balance.value.currency,
    services: services.value.length,
    products: products.ok ? products.value.length : null,
  };
}

/** Checks a stored provider and remembers its balance for the staff overview. */
export async function checkProvider(db: Db, providerId: number): Promise<ProviderCheck> {
  const result = await checkUpstream(await clientForProvider(db, providerId));
  if (result.ok) {
    await db.provider.update({ where: { id: providerId }, data: { lastBalance: result.balance, lastBalanceAt: new Date() } });
  }
  return result;
}

/**
 * Asks every enabled provider for its balance and remembers it, so that the staff overview's
 * upstream funds stay current. A provider that does not answer keeps its last figure.
 */
export async function refreshProviderBalances(
  db: Db,
  { providerIds }: { providerIds?: number[] } = {},
): Promise<{ checked: number; failed: string[] }> {
  const providers = await db.provider.findMany({
    where: { enabled: true, ...(providerIds ? { id: { in: providerIds } } : {}) },
    select: { id: true, name: true },
  });
  const failed: string[] = [];
  for (const provider of providers) {
    let result: Awaited<ReturnType<UpstreamClient["balance"]>>;
    try {
      result = await (await clientForProvider(db, provider.id)).balance();
    } catch (error) {
      // A provider whose stored key cannot be read is reported; it must not stop the others (nor the
      // worker loop's catalog syncs that follow this refresh).
      failed.push(`${provider.name}: ${(error as Error).message}`);
      continue;
    }
    if (result.ok) {
      await db.provider.update({ where: { id: provider.id }, data: { lastBalance: result.value.balance.toFixed(), lastBalanceAt: new Date() } });
    } else {
      failed.push(`${provider.name}: ${result.message}`);
    }
  }
  return { checked: providers.length - failed.length, failed };
}
