// One of the signed-in customer's orders with its history, for the live order page.
import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getOrderHistory } from "@/lib/storefront/order-history";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const { id } = await params;
  const history = /^\d{1,9}$/.test(id) ? await getOrderHistory(await getDb(), user.id, Number(id)) : null;
  if (!history) return NextResponse.json({ error: "Order not found." }, { status: 404 });
  return NextResponse.json(history, { headers: { "cache-control": "no-store" } });
}
