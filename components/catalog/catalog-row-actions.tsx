"use client";
import { useActionState, useRef } from "react";
import { clearSellRateOverrideAction } from "@/components/pricing/actions/clear-sell-rate-override-action";
import { setCatalogItemEnabledAction } from "@/components/catalog/actions/set-catalog-item-enabled-action";
import { setSellRateAction } from "@/components/pricing/actions/set-sell-rate-action";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { initialActionState } from "@/lib/actions/action-state";

const small = "whitespace-nowrap px-2 py-1 text-xs";

/** Admin controls on one service or product row: fix the price, return to markup, switch on/off. */
export function CatalogRowActions({
  item,
}: {
  item: { kind: "service" | "product"; id: number; sellRate: string; sellRateOverride: boolean; enabled: boolean; upstreamListed: boolean };
}) {
  const [rate, rateAction] = useActionState(setSellRateAction, initialActionState);
  const [clear, clearAction] = useActionState(clearSellRateOverrideAction, initialActionState);
  const [toggle, toggleAction, toggling] = useActionState(setCatalogItemEnabledAction, initialActionState);
  const toggleRef = useRef<HTMLFormElement>(null);
  const rateError = rate.fieldErrors?.sellRate;
  const fieldId = `sell-rate-${item.kind}-${item.id}`;
  const feedback = rate.error && !rateError ? rate.error : (clear.error ?? toggle.error);
  const done = rate.message ?? clear.message ?? toggle.message;
  return (
    <div className="flex min-w-52 flex-col gap-1.5">
      <form action={rateAction} noValidate className="flex items-center gap-1">
        <input type="hidden" name="kind" value={item.kind} />
        <input type="hidden" name="id" value={item.id} />
        <label htmlFor={fieldId} className="sr-only">
          New sell rate
        </label>
        <input
          id={fieldId}
          name="sellRate"
          inputMode="decimal"
          placeholder={item.sellRate}
          defaultValue={rate.values?.sellRate}
          aria-invalid={rateError ? true : undefined}
          aria-describedby={rateError ? `${fieldId}-error` : undefined}
          className={`w-28 rounded border px-1.5 py-1 text-xs tabular-nums ${rateError ? "border-red-400" : "border-slate-300"}`}
        />
        <SubmitButton variant="secondary" className={small} pendingText="…">
          Set price
        </SubmitButton>
        <label className="flex items-center gap-1 text-xs text-slate-600" title="Allow a fixed price below the upstream cost">
          <input type="checkbox" name="confirmBelowCost" defaultChecked={rate.values?.confirmBelowCost === "on"} />
          sell below cost
        </label>
      </form>
      {rateError ? (
        <p id={`${fieldId}-error`} role="alert" className="text-xs text-red-600">
          {rateError}
        </p>
      ) : null}
      <div className="flex gap-1">
        {item.sellRateOverride ? (
          <form action={clearAction}>
            <input type="hidden" name="kind" value={item.kind} />
            <input type="hidden" name="id" value={item.id} />
            <SubmitButton variant="secondary" className={small} title="Drop the fixed price and use the pricing rules again">
              Use markup
            </SubmitButton>
          </form>
        ) : null}
        {item.enabled || item.upstreamListed ? (
          <form ref={toggleRef} action={toggleAction}>
            <input type="hidden" name="kind" value={item.kind} />
            <input type="hidden" name="id" value={item.id} />
            <input type="hidden" name="enabled" value={item.enabled ? "false" : "true"} />
            {item.enabled ? (
              // Disabling stops every customer ordering it at once: asked first.
              <ConfirmSubmit
                formRef={toggleRef}
                label="Disable"
                variant="danger"
                className={small}
                pending={toggling}
                pendingText="…"
                title={`Disable this ${item.kind}?`}
                describe={() => `Customers can no longer order ${item.kind} #${item.id} until it is enabled again. Orders already placed are not affected.`}
                confirmLabel="Yes, disable"
              />
            ) : (
              <SubmitButton variant="secondary" className={small}>
                Enable
              </SubmitButton>
            )}
          </form>
        ) : null}
      </div>
      {feedback ? (
        <p role="alert" className="text-xs text-red-600">
          {feedback}
        </p>
      ) : done ? (
        <p role="status" className="text-xs text-green-700">
          {done}
        </p>
      ) : null}
    </div>
  );
}
