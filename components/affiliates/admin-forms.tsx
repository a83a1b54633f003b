"use client";
// The admin's forms of the affiliate program: global settings, one affiliate's percent, voiding a
// commission (with a reason, confirmed), deciding a withdrawal and reviewing a held referral.
// Decisions that change what an affiliate is owed carry an idempotency key (adminMoneyAction).
import {
  decideWithdrawalAction,
  reviewReferralAction,
  saveAffiliateSettingsAction,
  setAffiliatePercentAction,
  voidCommissionAction,
} from "@/components/affiliates/actions/affiliate-admin-actions";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TextField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";

export function AffiliateSettingsForm({ percent, minWithdrawal }: { percent: string; minWithdrawal: string }) {
  const { state, formAction, onSubmit, pending } = useKeptFormAction(saveAffiliateSettingsAction);
  const fe = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start" data-testid="affiliate-settings">
      <div className="sm:col-span-3"><FormMessage error={state.error} message={state.message} /></div>
      <TextField label="Commission, % of each deposit" name="percent" inputMode="decimal" defaultValue={state.values?.percent ?? percent} error={fe.percent} />
      <TextField label="Smallest withdrawal" name="minWithdrawal" inputMode="decimal" defaultValue={state.values?.minWithdrawal ?? minWithdrawal} error={fe.minWithdrawal} />
      <SubmitButton pending={pending} className="sm:mt-6">Save</SubmitButton>
    </form>
  );
}

export function AffiliatePercentForm() {
  const { state, formAction, onSubmit, pending } = useKeptFormAction(setAffiliatePercentAction);
  const fe = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start" data-testid="affiliate-percent">
      <div className="sm:col-span-3"><FormMessage error={state.error} message={state.message} /></div>
      <TextField label="Customer id" name="customerId" inputMode="numeric" defaultValue={state.values?.customerId} error={fe.customerId} />
      <TextField label="Their percent" name="percent" inputMode="decimal" defaultValue={state.values?.percent} error={fe.percent} hint="Empty: the global percent." />
      <SubmitButton pending={pending} className="sm:mt-6">Set</SubmitButton>
    </form>
  );
}

export function VoidCommissionForm({ commissionId, amountText }: { commissionId: number; amountText: string }) {
  const { state, formAction, onSubmit, pending, formRef } = useKeptFormAction(voidCommissionAction, {}, { idempotent: true });
  const fe = state.fieldErrors ?? {};
  const id = `void-reason-${commissionId}`;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-1" data-testid={`void-form-${commissionId}`}>
      <input type="hidden" name="commissionId" value={commissionId} />
      <input type="hidden" name="idempotencyKey" />
      <FormMessage error={state.error && !fe.reason ? state.error : undefined} message={state.message} />
      <TextField compact id={id} label="Reason" name="reason" autoComplete="off" defaultValue={state.values?.reason} error={fe.reason} />
      <ConfirmSubmit
        formRef={formRef}
        label="Void"
        title={`Void commission #${commissionId}?`}
        describe={(form) => `${amountText} leaves the affiliate's commission balance. Reason: ${String(form.get("reason") || "(none given)")}`}
        confirmLabel="Void it"
        variant="danger"
        pending={pending}
        className="px-2 py-1 text-xs"
      />
    </form>
  );
}

export function DecideWithdrawalForm({ payoutId }: { payoutId: number }) {
  const { state, formAction, onSubmit, pending } = useKeptFormAction(decideWithdrawalAction, {}, { idempotent: true });
  const fe = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-1" data-testid={`withdrawal-${payoutId}`}>
      <input type="hidden" name="payoutId" value={payoutId} />
      <input type="hidden" name="idempotencyKey" />
      <FormMessage error={state.error && !fe.reason ? state.error : undefined} message={state.message} />
      <TextField compact id={`withdrawal-reason-${payoutId}`} label="Reason (to reject)" name="reason" autoComplete="off" defaultValue={state.values?.reason} error={fe.reason} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} name="decision" value="paid" className="px-2 py-1 text-xs">Mark paid</SubmitButton>
        <SubmitButton pending={pending} name="decision" value="rejected" variant="danger" className="px-2 py-1 text-xs">Reject</SubmitButton>
      </div>
    </form>
  );
}

export function ReviewReferralForm({ referralId }: { referralId: number }) {
  const { state, formAction, onSubmit, pending } = useKeptFormAction(reviewReferralAction, {}, { idempotent: true });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-1" data-testid={`referral-${referralId}`}>
      <input type="hidden" name="referralId" value={referralId} />
      <input type="hidden" name="idempotencyKey" />
      <FormMessage error={state.error} message={state.message} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} name="decision" value="active" className="px-2 py-1 text-xs">Approve</SubmitButton>
        <SubmitButton pending={pending} name="decision" value="rejected" variant="danger" className="px-2 py-1 text-xs">Reject</SubmitButton>
      </div>
    </form>
  );
}
