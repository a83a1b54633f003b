// Is a sign-up through a referral link the affiliate themselves? The same mailbox (a+x@d.com is
// a@d.com; case ignored) is refused outright: the referral is never recorded. The same device
// cookie or the same client address as the affiliate's own sign-up is not proof (a household, an
// office, a mobile carrier's shared address), so the referral is held for staff to review, and
// its commissions count only once they approve it.

/** The mailbox an address delivers to: lower case, the local part without its +tag. */
export function mailboxKey(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0) return email.trim().toLowerCase();
  const local = email.slice(0, at).split("+")[0]!;
  return `${local}@${email.slice(at + 1)}`.trim().toLowerCase();
}

export type SignUpTraits = { email: string; device: string | null; ip: string | null };

export type SelfReferralVerdict = { verdict: "refuse"; why: string } | { verdict: "hold"; why: string } | { verdict: "accept" };

export function judgeReferral(affiliate: { id: number; email: string; signUpDevice: string | null; signUpIp: string | null }, visitor: SignUpTraits & { id: number }): SelfReferralVerdict {
  if (affiliate.id === visitor.id) return { verdict: "refuse", why: "the affiliate's own account" };
  if (mailboxKey(affiliate.email) === mailboxKey(visitor.email)) return { verdict: "refuse", why: "the same mailbox as the affiliate" };
  const reasons: string[] = [];
  if (visitor.device && affiliate.signUpDevice === visitor.device) reasons.push("same device as the affiliate's sign-up");
  if (visitor.ip && affiliate.signUpIp === visitor.ip) reasons.push(`same address (${visitor.ip}) as the affiliate's sign-up`);
  return reasons.length ? { verdict: "hold", why: reasons.join("; ") } : { verdict: "accept" };
}
