// Download of a product order's delivered lines as a text file. Another customer's order id
// answers exactly like a missing one.
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getProductResults } from "@/lib/orders";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response("Sign in first.\n", { status: 401 });
  const { id } = await params;
  const orderId = /^\d{1,9}$/.test(id) ? Number(id) : NaN;
  const results = await getProductResults(await getDb(), user.id, orderId);
  if (!results.ok) return new Response(`${results.message}\n`, { status: results.code === "not_found" ? 404 : 409 });
  return new Response(results.lines.join("\n") + "\n", {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="order-${orderId}-results.txt"`,
      "cache-control": "no-store",
    },
  });
}
