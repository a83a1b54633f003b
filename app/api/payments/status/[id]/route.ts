// The customer's payment page polls this while a payment is waiting: its state and, once paid, the balance.
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { refreshPayment } from "@/lib/payments/refresh-payment";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0 || id >= 2 ** 31) return Response.json({ error: "No such payment." }, { status: 404 });
  const status = await refreshPayment(await getDb(), user.id, id);
  if (!status) return Response.json({ error: "No such payment." }, { status: 404 });
  return Response.json(status, { headers: { "cache-control": "no-store" } });
}
