// The bare route bench/placement.ts measures /api/v2 add against: read the body, one INSERT,
// answer JSON. It exists only when BENCH_BASELINE_ROUTE=1 (the bench starts the app so);
// otherwise it answers 404 like any unknown path.
import { getDb } from "@/lib/db/client";
import { insertBaselineRow } from "@/lib/bench/baseline-row";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  if (process.env.BENCH_BASELINE_ROUTE !== "1") return new Response("Not found\n", { status: 404 });
  const id = await insertBaselineRow(await getDb(), await request.text());
  return Response.json({ order: id });
}
