// One bank transfer must not be credited twice: a manual payment whose transfer reference
// (normalized: case, spaces and dashes ignored) is also on another manual payment that was
// credited or is waiting gets a warning in the review queue, and approving it needs the admin to
// say they checked. The normalization lives in SQL only, where an expression index
// ("Payment_reference_normalized_idx") keeps the lookup cheap at any number of payments.
import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/ledger/transaction";
import type { Db } from "@/lib/db/connection";

export type ReferenceTwin = { id: number; state: string };

const normalized = (column: Prisma.Sql) => Prisma.sql`lower(regexp_replace(${column}, '[[:space:]-]+', '', 'g'))`;

/** For each given payment, the other manual payments with the same reference that are credited or waiting. */
export async function duplicateReferences(db: Db | Tx, paymentIds: number[]): Promise<Map<number, ReferenceTwin[]>> {
  const out = new Map<number, ReferenceTwin[]>();
  if (!paymentIds.length) return out;
  const rows = await db.$queryRaw<{ paymentId: number; id: number; state: string }[]>`
    SELECT p.id AS "paymentId", o.id, o.state::text AS state
    FROM "Payment" p
    JOIN "Payment" o ON ${normalized(Prisma.sql`o.reference`)} = ${normalized(Prisma.sql`p.reference`)}
      AND o.reference IS NOT NULL AND o.id <> p.id AND o.gateway = 'manual'
      AND o.state IN ('waiting', 'paid', 'charged_back')
    WHERE p.id = ANY(${paymentIds}::int[]) AND p.gateway = 'manual' AND p.reference IS NOT NULL
      AND ${normalized(Prisma.sql`p.reference`)} <> ''
    ORDER BY p.id, o.id`;
  for (const r of rows) out.set(r.paymentId, [...(out.get(r.paymentId) ?? []), { id: r.id, state: r.state }]);
  return out;
}

/** "payment #12 (credited), #15 (waiting)": what the warning names. */
export function describeTwins(twins: ReferenceTwin[]): string {
  return twins.map((t) => `#${t.id} (${t.state === "waiting" ? "waiting" : "credited"})`).join(", ");
}
