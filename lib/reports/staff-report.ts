// The report a staff member asked for: the rows of its grouping and the window's totals. Staff
// and admins may read reports; customers never.
import "server-only";
import type { Db } from "@/lib/db/connection";
import { assertStaff, type StaffActor } from "@/lib/admin/authorize";
import { fillPeriods } from "./fill-periods";
import { moneyReport, moneyTotals } from "./money-report";
import type { ReportParams } from "./report-params";

/** Periods are all shown (at most 5 years of days); other groupings the biggest `limit` first. */
export async function staffReport(db: Db, actor: StaffActor, p: ReportParams, { limit = 100 }: { limit?: number } = {}) {
  assertStaff(actor);
  const [rows, totals] = await Promise.all([
    moneyReport(db, { from: p.from, to: p.to, group: p.group, period: p.period, limit }),
    moneyTotals(db, { from: p.from, to: p.to }),
  ]);
  return { rows: p.group === "period" ? fillPeriods(rows, p, p.period) : rows, totals };
}
