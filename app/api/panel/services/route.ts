// The service picker's search: at most 50 orderable services matching a name or an id, for the
// signed-in customer only. The catalog itself never travels to the browser.
import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { searchServices } from "@/lib/storefront/service-search";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const params = new URL(request.url).searchParams;
  const services = await searchServices(await getDb(), user.id, {
    query: params.get("q")?.slice(0, 200) ?? undefined,
    category: params.get("category")?.slice(0, 200) || undefined,
  });
  return NextResponse.json({ services }, { headers: { "cache-control": "no-store" } });
}
