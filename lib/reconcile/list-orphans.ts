// Upstream orders of our key that no order of ours claims, as the reconciler found them, for staff.
import "server-only";
import { assertStaff, type StaffActor } from "@/lib/admin/authorize";
import type { Db } from "@/lib/db/connection";
import { toLedgerString } from "@/lib/money";

export async function listUpstreamOrphans(db: Db, actor: StaffActor, { limit = 50 }: { limit?: number } = {}) {
  assertStaff(actor);
  const rows = await db.upstreamOrphan.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, kind: true, upstreamOrderId: true, upstreamStatus: true, upstreamCharge: true, cost: true, note: true, foundAt: true, provider: { select: { id: true, name: true, currency: true } } },
  });
  return rows.map((r) => ({ ...r, upstreamCharge: r.upstreamCharge?.toFixed() ?? null, cost: r.cost ? toLedgerString(r.cost) : null }));
}
