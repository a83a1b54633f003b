"use client";
// Mass order in two steps: preview (every line parsed and priced, bad lines explained, the total
// against the balance), then place exactly the previewed text. The submission id is made when the
// preview is shown, so pressing "Place" twice, or resending the form, places nothing twice.
import { plural } from "@/lib/util/plural";
import Link from "next/link";
import { useMemo } from "react";
import { placeMassOrderAction, previewMassOrderAction } from "@/components/orders/actions/mass-order-actions";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextAreaField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { formatMoney } from "@/lib/money/format";
import { massOrderExtraFieldsForPeople } from "@/lib/service-types/service-types";
import type { MassOrderPreview, MassOrderResult } from "@/lib/storefront/mass-order";

export function MassOrderForm({ currency }: { currency: string }) {
  const preview = useKeptFormAction(previewMassOrderAction);
  const place = useKeptFormAction(placeMassOrderAction);
  const shown = preview.state.ok ? (preview.state.data as { preview: MassOrderPreview; text: string }) : null;
  // A new preview is a new submission; the same preview placed again is the same submission.
  const submissionId = useMemo(() => (shown ? crypto.randomUUID() : ""), [shown]);
  const placed = place.state.ok ? (place.state.data?.result as Extract<MassOrderResult, { ok: true }>) : null;
  const good = shown?.preview.lines.filter((line) => line.ok).length ?? 0;

  return (
    <div className="space-y-6">
      <form action={preview.formAction} onSubmit={preview.onSubmit} noValidate className="space-y-3">
        <TextAreaField
          label="Orders"
          name="orders"
          rows={10}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-200"
          placeholder={"123 | https://instagram.com/p/abc | 1000\n456 | https://youtube.com/watch?v=xyz | 500"}
          error={preview.state.fieldErrors?.orders}
          hint={`One order per line: service_id | link | quantity. Up to 100 lines. Some types take a fourth part, service_id | link | quantity | value (${massOrderExtraFieldsForPeople()}).`}
          defaultValue={preview.state.values?.orders}
        />
        <FormMessage error={preview.state.error} />
        <SubmitButton variant="secondary" pending={preview.pending} pendingText="Checking…">
          Preview
        </SubmitButton>
      </form>

      {shown ? (
        <section aria-labelledby="mass-preview-title" className="space-y-3" data-testid="mass-preview">
          <h2 id="mass-preview-title" className="text-base font-semibold text-slate-900">Preview</h2>
          <div className="relative overflow-x-auto" role="region" aria-label="Previewed lines" tabIndex={0}>
            <table className="w-full min-w-[36rem] text-left text-sm">
              <thead className="text-xs uppercase text-slate-600">
                <tr><th className="py-2 pr-2">Line</th><th className="pr-2">Service</th><th className="pr-2">Link</th><th className="pr-2 text-right">Quantity</th><th className="text-right">Charge</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {shown.preview.lines.map((line) => (
                  <tr key={line.lineNumber} data-testid={`preview-line-${line.lineNumber}`} data-ok={line.ok}>
                    <td className="py-2 pr-2 tabular-nums text-slate-600">{line.lineNumber}</td>
                    {line.ok ? (
                      <>
                        <td className="pr-2">#{line.serviceId} {line.serviceName}</td>
                        <td className="max-w-48 truncate pr-2 text-slate-600" title={line.link}>{line.link}</td>
                        <td className="pr-2 text-right tabular-nums">{line.quantity}</td>
                        <td className="text-right tabular-nums">{formatMoney(line.charge, currency)}</td>
                      </>
                    ) : (
                      <td colSpan={4} className="text-red-700">
                        <span className="font-mono text-xs text-slate-700">{line.text.slice(0, 120)}</span> — {line.message}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-sm text-slate-700" data-testid="mass-total">
            {good} of {plural(shown.preview.lines.length, "line")} can be placed · total {formatMoney(shown.preview.total, currency)} · balance{" "}
            {formatMoney(shown.preview.balance, currency)}
            {shown.preview.enoughFunds ? null : (
              <>
                {" "}· <strong className="text-red-700">not enough funds for all lines</strong>{" "}
                <Link href="/funds/add" className="font-medium text-indigo-700 hover:underline">Add funds</Link>
              </>
            )}
          </p>
          <form action={place.formAction} onSubmit={place.onSubmit}>
            <input type="hidden" name="orders" value={shown.text} />
            <input type="hidden" name="submissionId" value={submissionId} />
            <SubmitButton pending={place.pending} pendingText="Placing…" disabled={good === 0}>
              Place {good} {good === 1 ? "order" : "orders"}
            </SubmitButton>
          </form>
        </section>
      ) : null}

      <FormMessage error={place.state.error} message={place.state.ok ? place.state.message : undefined} />
      {placed ? (
        <section aria-labelledby="mass-result-title" className="space-y-2" data-testid="mass-result">
          <h2 id="mass-result-title" className="text-base font-semibold text-slate-900">Result</h2>
          <ul className="divide-y divide-slate-100 text-sm">
            {placed.lines.map((line) => (
              <li key={line.lineNumber} className="flex flex-wrap gap-x-3 py-1.5" data-testid={`result-line-${line.lineNumber}`} data-ok={line.ok}>
                <span className="tabular-nums text-slate-600">Line {line.lineNumber}</span>
                {line.ok ? (
                  <span>
                    <Link href={`/orders/${line.orderId}`} className="font-medium text-indigo-700 hover:underline">Order #{line.orderId}</Link>
                    {" "}· {formatMoney(line.charge, currency)}
                    {line.duplicate ? " · already placed by this submission" : ""}
                  </span>
                ) : (
                  <span className="text-red-700">{line.message}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
