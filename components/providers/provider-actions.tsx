"use client";
import Link from "next/link";
import { useActionState } from "react";
import { checkProviderAction } from "@/components/providers/actions/check-provider-action";
import { setProviderEnabledAction } from "@/components/providers/actions/set-provider-enabled-action";
import { syncCatalogAction } from "@/components/providers/actions/sync-catalog-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { initialActionState } from "@/lib/actions/action-state";

const small = "whitespace-nowrap px-3 py-1.5 text-xs";

/**
 * `firstSync`: nothing imported yet — the sync form then takes the markup the new catalog is priced
 * at (it becomes the provider's pricing rule). Once a catalog exists, a sync never changes a pricing
 * rule: prices change on the Pricing page, which previews what each change does first.
 */
export function ProviderActions({ provider, isAdmin }: { provider: { id: number; enabled: boolean; markup?: string; firstSync?: boolean }; isAdmin: boolean }) {
  const [check, checkAction] = useActionState(checkProviderAction, initialActionState);
  const [sync, syncAction] = useActionState(syncCatalogAction, initialActionState);
  const [toggle, toggleAction] = useActionState(setProviderEnabledAction, initialActionState);
  const markupError = sync.fieldErrors?.markupPercent;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start gap-3">
        {isAdmin ? (
          <>
            <form action={checkAction}>
              <input type="hidden" name="providerId" value={provider.id} />
              <SubmitButton variant="secondary" className={small} pendingText="Checking…">
                Check
              </SubmitButton>
            </form>
            <form action={syncAction} noValidate className="flex items-start gap-2">
              <input type="hidden" name="providerId" value={provider.id} />
              {provider.firstSync ? (
              <div>
                <div className="flex items-center gap-1">
                  <label htmlFor={`markup-${provider.id}`} className="text-xs text-slate-600">
                    Markup
                  </label>
                  <input
                    id={`markup-${provider.id}`}
                    name="markupPercent"
                    defaultValue={sync.values?.markupPercent ?? "25%"}
                    aria-invalid={markupError ? true : undefined}
                    aria-describedby={markupError ? `markup-${provider.id}-error` : undefined}
                    className={`w-20 rounded-md border px-2 py-1 text-sm ${markupError ? "border-red-400" : "border-slate-300"}`}
                  />
                </div>
                {markupError ? (
                  <p id={`markup-${provider.id}-error`} role="alert" className="mt-1 max-w-56 text-xs text-red-600">
                    {markupError}
                  </p>
                ) : null}
              </div>
              ) : (
                <p className="max-w-48 text-xs text-slate-600">
                  Prices follow the <Link href="/admin/pricing" className="text-indigo-700 underline">pricing rules</Link>; a sync never changes them.
                </p>
              )}
              <SubmitButton variant="secondary" className={small} pendingText="Syncing…">
                Sync catalog
              </SubmitButton>
            </form>
            <form action={toggleAction}>
              <input type="hidden" name="providerId" value={provider.id} />
              <input type="hidden" name="enabled" value={provider.enabled ? "false" : "true"} />
              <SubmitButton variant={provider.enabled ? "danger" : "secondary"} className={small}>
                {provider.enabled ? "Disable" : "Enable"}
              </SubmitButton>
            </form>
          </>
        ) : null}
      </div>
      <div className="space-y-2">
        <div data-testid="check-feedback">
          <FormMessage error={check.error} message={check.message} />
        </div>
        <div data-testid="sync-feedback">
          <FormMessage error={markupError ? undefined : sync.error} message={sync.message} />
        </div>
        <div data-testid="toggle-feedback">
          <FormMessage error={toggle.error} message={toggle.message} />
        </div>
      </div>
    </div>
  );
}
