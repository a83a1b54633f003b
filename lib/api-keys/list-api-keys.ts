import type { Db } from "@/lib/db/connection";

export type ApiKeySummary = {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The customer's keys, newest first, revoked ones included. Never the hash. */
export async function listApiKeys(db: Db, customerId: number): Promise<ApiKeySummary[]> {
  return db.apiKey.findMany({
    where: { userId: customerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
