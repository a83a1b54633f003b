// The record of each catalog sync: progress while it runs, written outside the sync's
// transaction so that any process (the admin page) can read it, and the summary once done.
// A partial unique index allows one running sync per provider; a run left "running" by a
// crashed process is closed as failed once it is older than STALE_AFTER_MS.
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import type { ChangeCounts } from "./bulk-import";

const STALE_AFTER_MS = 30 * 60_000;

export type SyncTrigger = "manual" | "schedule" | "cli" | "demo";

export type SyncSummary = {
  services: { listed: number; created: number; updated: number; delisted: number; changes: ChangeCounts; repricedAfterCostRise: number };
  products: { listed: number; created: number; updated: number; delisted: number; changes: ChangeCounts; repricedAfterCostRise: number } | null;
  warnings: string[];
};

/** Opens a run, or returns null when a sync of this provider is already running. */
export async function openSyncRun(db: Db, providerId: number, trigger: SyncTrigger, actorId: number | null): Promise<number | null> {
  await db.catalogSyncRun.updateMany({
    where: { providerId, status: "running", startedAt: { lt: new Date(Date.now() - STALE_AFTER_MS) } },
    data: { status: "failed", error: "abandoned (the process running it stopped)", finishedAt: new Date() },
  });
  try {
    const run = await db.catalogSyncRun.create({ data: { providerId, trigger, actorId }, select: { id: true } });
    return run.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  }
}

export async function reportProgress(db: Db, runId: number, progress: { phase: string; processed?: number; total?: number }): Promise<void> {
  await db.catalogSyncRun.update({ where: { id: runId }, data: progress, select: { id: true } });
}

export async function closeSyncRun(db: Db, runId: number, outcome: { summary: SyncSummary } | { error: string }): Promise<void> {
  await db.catalogSyncRun.update({
    where: { id: runId },
    data: "error" in outcome
      ? { status: "failed", error: outcome.error.slice(0, 1000), phase: "failed", finishedAt: new Date() }
      : { status: "succeeded", summary: outcome.summary as unknown as Prisma.InputJsonValue, phase: "done", finishedAt: new Date() },
    select: { id: true },
  });
}
