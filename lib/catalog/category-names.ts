// The categories customers see (service categories, then product ones), for pickers.
import type { Db } from "@/lib/db/connection";
import { assertStaff, type StaffActor } from "@/lib/admin/authorize";

export async function listCategoryNames(db: Db, actor: StaffActor): Promise<string[]> {
  assertStaff(actor);
  const rows = await db.$queryRaw<{ category: string }[]>`
    SELECT "category" FROM "Service" UNION SELECT "category" FROM "Product" ORDER BY 1 LIMIT 2000`;
  return rows.map((r) => r.category);
}
