"use client";
import { useActionState } from "react";
import { setUserRoleAction } from "@/components/users/actions/set-user-role-action";
import { setUserStatusAction } from "@/components/users/actions/set-user-status-action";
import { SubmitButton } from "@/components/ui/button";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { initialActionState } from "@/lib/actions/action-state";

type Row = { id: number; role: string; status: string };

/** Admins only: staff are read-only, and the actions refuse them too. */
export function UserRowActions({ user }: { user: Row }) {
  const [statusState, statusAction] = useActionState(setUserStatusAction, initialActionState);
  // The role <select> keeps the admin's choice after a refusal (a reset would show the old role).
  const { state: roleState, formAction: roleAction, pending: rolePending, onSubmit: onRoleSubmit } = useKeptFormAction(setUserRoleAction, initialActionState);
  const suspend = user.status === "active";
  const feedback = statusState.error ?? roleState.error ?? statusState.message ?? roleState.message;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={statusAction} data-testid={`status-form-${user.id}`}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="status" value={suspend ? "suspended" : "active"} />
        <SubmitButton variant={suspend ? "danger" : "secondary"} className="px-2 py-1 text-xs">
          {suspend ? "Suspend" : "Reactivate"}
        </SubmitButton>
      </form>
      <form action={roleAction} onSubmit={onRoleSubmit} className="flex items-center gap-1">
        <input type="hidden" name="userId" value={user.id} />
        <select name="role" defaultValue={user.role} aria-label="Role" className="rounded border border-slate-300 px-1 py-1 text-xs">
          <option value="customer">customer</option>
          <option value="staff">staff</option>
          <option value="admin">admin</option>
        </select>
        <SubmitButton variant="secondary" pending={rolePending} className="px-2 py-1 text-xs">
          Set role
        </SubmitButton>
      </form>
      {feedback ? <span className="text-xs text-slate-600" role="status">{feedback}</span> : null}
    </div>
  );
}
