// The customer's API keys: only the prefix is ever shown again after creation, with when each was
// created and last used, and a revoke button while it is active; on a phone, a card with the
// status and Revoke first.
import { DataTable } from "@/components/ui/data-table";
import type { ApiKeySummary } from "@/lib/api-keys";
import { Time } from "@/components/ui/time";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

const when = (date: Date | null) => (date ? <Time value={date} relative /> : "never");

export function ApiKeyTable({ keys }: { keys: ApiKeySummary[] }) {
  return (
    <DataTable
      label="API keys"
      layout="plain"
      minWidth="min-w-[40rem]"
      rows={keys}
      rowAttributes={(key) => ({ "data-testid": "api-key-row", "data-key-prefix": key.prefix })}
      empty="No API keys yet. Create one above to use the API."
      columns={(column) => [
        column({ header: "Name", card: "title", className: "font-medium text-slate-800", cell: (key) => key.name }),
        column({ header: "Key", className: "font-mono text-xs text-slate-600", cell: (key) => `${key.prefix}…` }),
        column({ header: "Created", className: "text-xs text-slate-500", cell: (key) => when(key.createdAt) }),
        column({ header: "Last used", className: "text-xs text-slate-500", cell: (key) => when(key.lastUsedAt) }),
        column({
          header: "Status",
          card: "primary",
          cell: (key) =>
            key.revokedAt ? <span className="text-xs text-slate-500">Revoked {when(key.revokedAt)}</span> : <span className="rounded bg-green-50 px-1.5 py-0.5 text-xs text-green-700">Active</span>,
        }),
        column({ header: "Actions", card: "action", hiddenHeader: true, align: "right", cell: (key) => (key.revokedAt ? null : <RevokeApiKeyButton keyId={key.id} name={key.name} />) }),
      ]}
    />
  );
}
