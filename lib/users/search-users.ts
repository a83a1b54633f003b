// The staff users list: search by email, name or account id on the server, one bounded page at a time.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/connection";
import type { Prisma } from "@/lib/db/generated/client";
import { assertStaff, type StaffActor } from "@/lib/admin/authorize";
import { toLedgerString } from "@/lib/money";
import { lenientFilter, pageParam } from "@/lib/validation/form-fields";

export const USERS_PAGE_SIZE = 50;

export const ZUserSearch = z.object({
  q: lenientFilter(z.string().trim().max(254)),
  role: lenientFilter(z.enum(["customer", "staff", "admin"])),
  page: pageParam,
});
export type UserSearch = z.input<typeof ZUserSearch>;

export async function searchUsersForStaff(db: Db, actor: StaffActor, input: UserSearch = {}) {
  assertStaff(actor);
  const f = ZUserSearch.parse(input);
  const q = f.q?.replace(/^#/, "");
  const id = q && /^\d{1,10}$/.test(q) && Number(q) <= 2_147_483_647 ? Number(q) : null;
  const where: Prisma.UserWhereInput = {
    ...(f.role ? { role: f.role } : {}),
    ...(q
      ? {
          OR: [
            { email: { contains: q, mode: "insensitive" } },
            { name: { contains: q, mode: "insensitive" } },
            ...(id !== null ? [{ id }] : []),
          ],
        }
      : {}),
  };
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: { id: "asc" },
      skip: (f.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, email: true, name: true, role: true, status: true, balance: true, createdAt: true },
    }),
    db.user.count({ where }),
  ]);
  return { users: users.map((u) => ({ ...u, balance: toLedgerString(u.balance) })), total, page: f.page, pageSize: USERS_PAGE_SIZE, filters: f };
}
