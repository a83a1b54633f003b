// One orderable service's details for the order form (description, limits, average time).
import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getServiceDetails } from "@/lib/storefront/service-search";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const { id } = await params;
  const service = /^\d{1,9}$/.test(id) ? await getServiceDetails(await getDb(), user.id, Number(id)) : null;
  if (!service) return NextResponse.json({ error: "This service is not available." }, { status: 404 });
  return NextResponse.json({ service }, { headers: { "cache-control": "no-store" } });
}
