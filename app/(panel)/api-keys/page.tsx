import type { Metadata } from "next";
import { headers } from "next/headers";
import { ApiDocs } from "@/components/api-keys/api-docs";
import { ApiKeyTable } from "@/components/api-keys/api-key-table";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { Card, PageHeader } from "@/components/ui/card";
import { listApiKeys } from "@/lib/api-keys";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "API" };

/** The URL customers call, as they reach this panel (behind a proxy: its forwarded host and scheme). */
async function apiUrl(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host) return `${process.env.NEXTAUTH_URL?.replace(/\/+$/, "") ?? "http://localhost:3000"}/api/v2`;
  const scheme = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${scheme}://${host}/api/v2`;
}

export default async function ApiKeysPage() {
  const user = await requireUser();
  const [keys, url] = await Promise.all([listApiKeys(await getDb(), user.id), apiUrl()]);
  return (
    <>
      <PageHeader
        title="API"
        description="Order from your own tools or panel: the standard SMM panel API v2, with your prices and your order ids."
      />
      {/* Stacked blocks, not a grid: a grid item grows to the keys table's width at phone size instead of letting it scroll. */}
      <div className="space-y-6">
        <Card title="Create an API key">
          <CreateApiKeyForm />
        </Card>
        <Card title="Your API keys">
          <ApiKeyTable keys={keys} />
        </Card>
        <ApiDocs apiUrl={url} />
      </div>
    </>
  );
}
