// Whether an account may move money: not suspended, and its email confirmed. Read by every way an
// order or a payment starts (lib/orders/placement-reads.ts for web, mass and /api/v2 orders;
// lib/payments/create-payment.ts), so no page or route has to remember it.
import { fail, type Failure } from "@/lib/result";

export const UNVERIFIED_MESSAGE = "Confirm your email address first: we sent you a link (Account page: send it again).";

export function standingRefusal(account: { status: string; emailVerifiedAt: Date | null } | null): Failure | null {
  if (!account) return fail("no_account", "No such account.");
  if (account.status !== "active") return fail("account_suspended", "Your account is suspended.");
  if (!account.emailVerifiedAt) return fail("email_unverified", UNVERIFIED_MESSAGE);
  return null;
}
