// The report as a CSV download, for staff and admins. A route handler gets no layout, so it asks
// the staff rule itself (staffRouteUser: role and, when required, an admin's second factor); a
// customer, a signed-out visitor or an admin yet to set up two-factor gets a JSON error.
import { staffRouteUser } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { reportCsv, reportFileName } from "@/lib/reports/report-csv";
import { parseReportParams } from "@/lib/reports/report-params";
import { staffReport } from "@/lib/reports/staff-report";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const { user, refusal } = await staffRouteUser();
  if (refusal) return refusal;
  const params = parseReportParams(Object.fromEntries(new URL(request.url).searchParams));
  const { rows, totals } = await staffReport(await getDb(), user, params, { limit: 10_000 });
  return new Response(reportCsv([...rows, totals], params, PANEL_CURRENCY), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${reportFileName(params)}"`,
      "cache-control": "no-store",
    },
  });
}
