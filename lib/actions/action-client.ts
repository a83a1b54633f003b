// The wrapper every server action is made with (see makeAction below).
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { getSessionUser, staffRefusal, type SessionUser } from "@/lib/auth/session";
import type { ActionState } from "./action-state";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { fieldMessages, type Failure } from "@/lib/result";
import { runStaffActionOnce, ZIdempotencyKey } from "./run-once";

export type ActionResult = Omit<ActionState, "values">;
export type Gate = "public" | "user" | "staff" | "admin";

/** A thrown expected error: its message is shown to the user as is. */
export class ActionError extends Error {}

/** currentPassword, newPassword, key, apiKey, …: never echoed back. */
const SECRET_FIELD = /password|key|secret|token/i;

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    // Secrets are never sent back to the browser, not even to refill a form.
    if (typeof value === "string" && !key.startsWith("$ACTION") && !SECRET_FIELD.test(key)) values[key] = value;
  }
  return values;
}

/**
 * The one wrapper every server action goes through: it authenticates (re-checking the session
 * against the database), checks the role, validates with zod, then runs the body. Expected
 * errors come back as messages; anything else is logged and shown as a generic message.
 */
export function makeAction<S extends z.ZodType, U>(
  gate: Gate,
  schema: S,
  body: (input: z.output<S>, user: U) => Promise<ActionResult>,
  sessionUser: () => Promise<SessionUser | null> = getSessionUser,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const values = formValues(formData);
    let user: SessionUser | null = null;
    if (gate !== "public") {
      user = await sessionUser();
      if (!user) return { error: "Your session has ended. Sign in again.", values };
      // Staff and admin actions: the same rule as the staff pages and route handlers.
      const refused = gate === "user" ? null : staffRefusal(user, gate);
      if (refused) return { error: refused.message, values };
    }
    const parsed = schema.safeParse(Object.fromEntries(formData.entries()));
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
    try {
      const result = await body(parsed.data, user as U);
      return result.ok ? result : { ...result, values };
    } catch (error) {
      if (error instanceof ActionError) return { error: error.message, values };
      console.error("server action failed", error);
      return { error: "Something went wrong on our side. Nothing was changed; please try again.", values };
    }
  };
}

/** A lib refusal as its form shows it: the message, and each field's message beside the field. */
export function refusalState(failure: Failure): ActionResult {
  return { error: failure.message, fieldErrors: fieldMessages(failure) };
}

export const publicAction = <S extends z.ZodType>(schema: S, body: (input: z.output<S>, user: null) => Promise<ActionResult>) =>
  makeAction<S, null>("public", schema, body);
export const userAction = <S extends z.ZodType>(schema: S, body: (input: z.output<S>, user: SessionUser) => Promise<ActionResult>) =>
  makeAction<S, SessionUser>("user", schema, body);
export const staffAction = <S extends z.ZodType>(schema: S, body: (input: z.output<S>, user: SessionUser) => Promise<ActionResult>) =>
  makeAction<S, SessionUser>("staff", schema, body);
export const adminAction = <S extends z.ZodType>(schema: S, body: (input: z.output<S>, user: SessionUser) => Promise<ActionResult>) =>
  makeAction<S, SessionUser>("admin", schema, body);

/**
 * An admin action that moves money: its form sends an `idempotencyKey` (useKeptFormAction does),
 * and the body runs once per key (lib/actions/run-once.ts); a replay gets the first answer.
 * `name` says which action a key belongs to (a key is never reused across actions).
 */
export function adminMoneyAction<S extends z.ZodType>(
  name: string,
  schema: S,
  body: (input: z.output<S>, user: SessionUser) => Promise<ActionResult>,
  sessionUser?: () => Promise<SessionUser | null>,
) {
  const keyed = z.intersection(schema, z.object({ idempotencyKey: ZIdempotencyKey }));
  return makeAction<typeof keyed, SessionUser>(
    "admin",
    keyed,
    async (input, user) => runStaffActionOnce(await getDb(), { key: input.idempotencyKey, actorId: user.id, action: name }, () => body(input, user)),
    sessionUser,
  );
}
