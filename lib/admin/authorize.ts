// Every staff data function takes the acting user and checks the role itself, so that a page or
// action that forgot its own check still cannot read or change anything. Plain functions with no
// secrets (no server-only marker), so the operator CLI can share them.
import { fail, type Failure } from "@/lib/result";

export type StaffActor = { id: number; role: "customer" | "staff" | "admin" };

/** What a staff write answers: its data, or a refusal with a code (lib/result.ts). */
export type AdminResult<T extends object = object> = ({ ok: true } & T) | Failure;

/** Reads: a customer reaching one is a bug in the caller, not an expected refusal. */
export function assertStaff(actor: StaffActor): void {
  if (actor.role !== "staff" && actor.role !== "admin") throw new Error("Staff only.");
}

/** Every write (staff are read-only): a refusal the caller shows as a message. */
export function adminRefusal(actor: StaffActor): Failure | null {
  return actor.role === "admin" ? null : fail("not_allowed", "Only an admin can do this.");
}
