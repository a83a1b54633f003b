"use client";
import { useActionState } from "react";
import { revokeApiKeyAction } from "@/components/api-keys/actions/revoke-api-key-action";
import { SubmitButton } from "@/components/ui/button";
import { initialActionState } from "@/lib/actions/action-state";

export function RevokeApiKeyButton({ keyId, name }: { keyId: number; name: string }) {
  const [state, action] = useActionState(revokeApiKeyAction, initialActionState);
  return (
    <form action={action} className="flex items-center justify-end gap-2">
      <input type="hidden" name="keyId" value={keyId} />
      {state.error ? <span role="alert" className="text-xs text-red-600">{state.error}</span> : null}
      <SubmitButton variant="danger" className="px-2 py-1 text-xs" pendingText="Revoking…" aria-label={`Revoke ${name}`}>
        Revoke
      </SubmitButton>
    </form>
  );
}
