// The one way to talk to a provider: its key is decrypted here and nowhere else.
import type { Db } from "@/lib/db/connection";
import { decryptProviderKey } from "@/lib/providers/key-encryption";
import { createUpstreamClient, type UpstreamClient } from "@/lib/upstream/client";

export type ProviderConnection = { apiUrl: string; apiKeyEncrypted: string; timeoutMs: number };

/** Builds the upstream client for a provider row that was read with its encrypted key selected. */
export function upstreamClientFor(provider: ProviderConnection): UpstreamClient {
  return createUpstreamClient({
    url: provider.apiUrl,
    key: decryptProviderKey(provider.apiKeyEncrypted),
    timeoutMs: provider.timeoutMs,
  });
}

/** The key is omitted from every query by default, so it is selected explicitly here. */
export async function loadProviderConnection(db: Db, providerId: number) {
  return db.provider.findUnique({
    where: { id: providerId },
    select: { id: true, name: true, apiUrl: true, apiKeyEncrypted: true, timeoutMs: true, enabled: true, exchangeRate: true, currency: true },
  });
}
