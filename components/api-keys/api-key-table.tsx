import { EmptyState } from "@/components/ui/card";
import type { ApiKeySummary } from "@/lib/api-keys";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

const when = (date: Date | null) => (date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never");

export function ApiKeyTable({ keys }: { keys: ApiKeySummary[] }) {
  if (keys.length === 0) return <EmptyState>No API keys yet. Create one above to use the API.</EmptyState>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2">Name</th>
          <th>Key</th>
          <th>Created</th>
          <th>Last used</th>
          <th>Status</th>
          <th className="text-right">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {keys.map((key) => (
          <tr key={key.id} data-testid="api-key-row" data-key-prefix={key.prefix}>
            <td className="py-2 font-medium text-slate-800">{key.name}</td>
            <td className="font-mono text-xs text-slate-600">{key.prefix}…</td>
            <td className="text-xs text-slate-500">{when(key.createdAt)}</td>
            <td className="text-xs text-slate-500">{when(key.lastUsedAt)}</td>
            <td>
              {key.revokedAt ? (
                <span className="text-xs text-slate-500">Revoked {when(key.revokedAt)}</span>
              ) : (
                <span className="rounded bg-green-50 px-1.5 py-0.5 text-xs text-green-700">Active</span>
              )}
            </td>
            <td className="py-2">{key.revokedAt ? null : <RevokeApiKeyButton keyId={key.id} name={key.name} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
