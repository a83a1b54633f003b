// The signed-in customer's orders as JSON, for the live-updating orders table.
import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listStorefrontOrders } from "@/lib/storefront/order-view";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const filters = Object.fromEntries(new URL(request.url).searchParams.entries());
  const page = await listStorefrontOrders(await getDb(), user.id, filters);
  return NextResponse.json(page, { headers: { "cache-control": "no-store" } });
}
