import { getDb } from "@/lib/db/connection";
import { formatMoney } from "@/lib/money";
import { defineCommand } from "../command";

export default defineCommand({
  name: "user:list",
  summary: "list accounts with role, status and balance",
  options: { role: { type: "string", description: "only this role (customer, staff, admin)" } },
  async run({ options }) {
    const role = options.role as string | undefined;
    if (role && !["customer", "staff", "admin"].includes(role)) {
      console.error("--role must be customer, staff or admin");
      return 2;
    }
    const db = await getDb();
    const users = await db.user.findMany({
      where: role ? { role: role as "customer" | "staff" | "admin" } : {},
      orderBy: { id: "asc" },
    });
    if (!users.length) console.log("No accounts.");
    for (const u of users) {
      console.log(`${String(u.id).padStart(5)}  ${u.role.padEnd(8)}  ${u.status.padEnd(9)}  ${formatMoney(u.balance.toString()).padStart(14)}  ${u.email}`);
    }
  },
});
