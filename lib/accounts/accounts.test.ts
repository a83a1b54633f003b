// Issue 23, accounts: sign-up verification, password reset and email change against a real SMTP
// server in-process (the worker's drain sends what the outbox holds; mailparser reads it). Links
// work once, expire, and are stored only as an HMAC; an unverified account cannot order (web and
// /api/v2) or pay.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v2/route";
import { createApiKey } from "@/lib/api-keys";
import { verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/connection";
import { creditFunds } from "@/lib/ledger/credit-funds";
import { drainOutbox } from "@/lib/mail/drain-outbox";
import { startSmtpSink, type SmtpSink } from "@/lib/mail/testing/smtp-sink";
import { smtpTransport, type MailTransport } from "@/lib/mail/transport";
import { placeOrder } from "@/lib/orders";
import { createPayment } from "@/lib/payments/create-payment";
import { parsed, serviceOfType, TEST_LINK, uniqueLabel, withTestProvider, type TestProvider } from "@/lib/testing/fixtures";
import { ZSignUpInput } from "@/lib/users/schemas";
import { signUp } from "@/lib/users/sign-up";
import { serveHandler, type ServedHandler } from "@/lib/api-v2/testing/serve-handler";
import { confirmEmailChange, requestEmailChange } from "./email-change";
import { ACCOUNT_MAIL_LIMITS } from "./limits";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { confirmEmail, resendVerification } from "./verify-email";

let db: Db;
let provider: TestProvider;
let sink: SmtpSink;
let transport: MailTransport;
let api: ServedHandler;
withTestProvider((ready) => ({ db, provider } = ready));
beforeAll(async () => {
  sink = await startSmtpSink();
  transport = smtpTransport(sink.url, "panel@test.local");
  api = await serveHandler({ POST });
});
afterAll(async () => {
  transport.close();
  await sink.close();
  await api.close();
});

const DOMAIN = "@accounts.test";
const address = (label: string) => `${uniqueLabel(label)}${DOMAIN}`;
let ipCounter = 0;
const ip = () => `198.51.100.${(++ipCounter % 250) + 1}`;
/** What the worker does: send the outbox (this file's recipients) to the SMTP server. */
const deliver = () => drainOutbox(db, { transport, owner: "accounts-test", recipientSuffix: DOMAIN });
const linkIn = (text: string, path: string) => {
  const match = new RegExp(`https?://\\S+${path}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  expect(match, `a ${path} link in:\n${text}`).not.toBeNull();
  return match![1]!;
};
const HOUR = 3_600_000;

async function signUpAndReadLink(email: string, password = "first-password-1") {
  expect(await signUp(db, parsed(ZSignUpInput, { email, password }), { ip: ip() })).toEqual({ ok: true });
  await deliver();
  const mail = await sink.next(email);
  expect(mail.subject).toBe("Confirm your email address");
  expect(mail.html).toContain("/verify-email?token=");
  return linkIn(mail.text, "/verify-email");
}

describe("sign-up verifies the email", () => {
  it("answers the same for a taken address, which gets a 'someone tried' mail and no new account", async () => {
    const taken = address("taken");
    await signUpAndReadLink(taken);
    expect(await signUp(db, parsed(ZSignUpInput, { email: taken, password: "other-password-2" }), { ip: ip() })).toEqual({ ok: true });
    await deliver();
    const notice = await sink.next(taken);
    expect(notice.subject).toBe("Someone tried to create an account with your email");
    expect(notice.text).toContain("/forgot-password");
    expect(await db.user.count({ where: { email: taken } })).toBe(1);
  });

  it("a link works once, is stored only hashed, and expires after 24 hours", async () => {
    const email = address("verify");
    const token = await signUpAndReadLink(email);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, emailVerifiedAt: true } });
    expect(user.emailVerifiedAt).toBeNull();
    const stored = await db.accountToken.findMany({ where: { userId: user.id }, omit: { tokenHash: false } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);
    // The outbox kept no copy of the link once sent.
    expect(JSON.stringify(await db.mailMessage.findMany({ where: { to: email } }))).not.toContain(token);

    expect(await confirmEmail(db, token, new Date(Date.now() + 25 * HOUR))).toMatchObject({ ok: false, code: "link_expired" });
    expect(await confirmEmail(db, token)).toEqual({ ok: true, email });
    expect(await confirmEmail(db, token)).toMatchObject({ ok: false, code: "link_used" });
    expect(await confirmEmail(db, "x".repeat(43))).toMatchObject({ ok: false, code: "link_invalid" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeInstanceOf(Date);
  });

  it("until verified, the account cannot order on the web or /api/v2, nor pay; afterwards it can", async () => {
    const email = address("unverified");
    const token = await signUpAndReadLink(email);
    const { id } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect((await creditFunds(db, { customerId: id, amount: "100", reason: "test funds" })).ok).toBe(true);
    const service = await serviceOfType(db, provider.providerId, "Default");
    const order = { serviceId: service.id, link: TEST_LINK, quantity: service.min };

    expect(await placeOrder(db, id, order)).toMatchObject({ ok: false, code: "email_unverified" });
    const key = await createApiKey(db, id, "k");
    if (!key.ok) throw new Error(key.message);
    const response = await fetch(api.url, { method: "POST", body: new URLSearchParams({ key: key.key, action: "add", service: String(service.id), link: TEST_LINK, quantity: String(service.min) }) });
    expect(await response.json()).toEqual({ error: expect.stringContaining("Confirm your email address") });
    const method = await db.paymentMethod.create({ data: { name: uniqueLabel("bank"), gateway: "manual", currency: "USD", minAmount: "1", maxAmount: "1000" }, select: { id: true } });
    expect(await createPayment(db, { id, email }, { methodId: method.id, amount: "10", reference: "T-1" })).toMatchObject({ ok: false, code: "email_unverified" });
    expect(await db.order.count({ where: { userId: id } })).toBe(0);

    expect((await confirmEmail(db, token)).ok).toBe(true);
    expect(await placeOrder(db, id, order)).toMatchObject({ ok: true });
  });

  it("resending is limited per account", async () => {
    const email = address("resend");
    await signUpAndReadLink(email);
    const { id } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    for (let i = 0; i < ACCOUNT_MAIL_LIMITS.verifyResendPerAccount.points; i++) expect(await resendVerification(db, id)).toEqual({ ok: true });
    expect(await resendVerification(db, id)).toMatchObject({ ok: false, code: "rate_limited" });
  });
});

describe("forgot password", () => {
  it("answers the same for an unknown address and mails nothing; a link sets a new password once and ends every session", async () => {
    const email = address("reset");
    const token0 = await signUpAndReadLink(email);
    expect((await confirmEmail(db, token0)).ok).toBe(true);
    const before = await db.user.findUniqueOrThrow({ where: { email }, select: { sessionVersion: true } });
    const unknown = address("nobody");
    expect(await requestPasswordReset(db, unknown, { ip: ip() })).toEqual({ ok: true });
    expect(await requestPasswordReset(db, email, { ip: ip() })).toEqual({ ok: true });
    await deliver();
    expect(await db.mailMessage.count({ where: { to: unknown } })).toBe(0);
    const mail = await sink.next(email);
    expect(mail.subject).toBe("Set a new password");
    const token = linkIn(mail.text, "/reset-password");

    expect(await resetPassword(db, token, "brand-new-pass-2", new Date(Date.now() + HOUR + 60_000))).toMatchObject({ ok: false, code: "link_expired" });
    expect(await resetPassword(db, token, "brand-new-pass-2")).toEqual({ ok: true, email });
    expect(await resetPassword(db, token, "another-pass-3")).toMatchObject({ ok: false, code: "link_used" });
    const after = await db.user.findUniqueOrThrow({ where: { email }, select: { sessionVersion: true, passwordHash: true } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, "brand-new-pass-2")).toBe(true);
    await deliver();
    expect((await sink.next(email)).subject).toBe("Your password was changed");
  });

  it("a newer link replaces an older one", async () => {
    const email = address("two-links");
    await signUpAndReadLink(email);
    // Each mail is delivered and read before the next is asked for: one drain may send two
    // messages in either order, and the test needs to know which link is the older.
    await requestPasswordReset(db, email, { ip: ip() });
    await deliver();
    const first = linkIn((await sink.next(email)).text, "/reset-password");
    await requestPasswordReset(db, email, { ip: ip() });
    await deliver();
    const second = linkIn((await sink.next(email)).text, "/reset-password");
    expect(await resetPassword(db, first, "brand-new-pass-2")).toMatchObject({ ok: false, code: "link_expired" });
    expect(await resetPassword(db, second, "brand-new-pass-2")).toMatchObject({ ok: true });
  });

  it("is limited per email and per client address", async () => {
    const email = address("flood");
    for (let i = 0; i < ACCOUNT_MAIL_LIMITS.resetPerEmail.points; i++) expect(await requestPasswordReset(db, email, { ip: ip() })).toEqual({ ok: true });
    expect(await requestPasswordReset(db, email, { ip: ip() })).toMatchObject({ ok: false, code: "rate_limited" });
    const sameIp = `203.0.113.${Date.now() % 250}`;
    for (let i = 0; i < ACCOUNT_MAIL_LIMITS.resetPerIp.points; i++) expect(await requestPasswordReset(db, address(`spray-${i}`), { ip: sameIp })).toEqual({ ok: true });
    expect(await requestPasswordReset(db, address("spray-last"), { ip: sameIp })).toMatchObject({ ok: false, code: "rate_limited" });
  });
});

describe("email change", () => {
  it("is confirmed at the new address, with a notice to the old one; it ends every session", async () => {
    const old = address("old");
    expect((await confirmEmail(db, await signUpAndReadLink(old, "owner-password-1"))).ok).toBe(true);
    const { id, sessionVersion } = await db.user.findUniqueOrThrow({ where: { email: old }, select: { id: true, sessionVersion: true } });
    const fresh = address("new");
    expect(await requestEmailChange(db, id, { newEmail: fresh, currentPassword: "wrong-password-9" }, { ip: ip() })).toMatchObject({ ok: false, fields: { currentPassword: expect.anything() } });
    expect(await requestEmailChange(db, id, { newEmail: fresh, currentPassword: "owner-password-1" }, { ip: ip() })).toEqual({ ok: true });
    await deliver();
    expect((await sink.next(old)).subject).toBe("A change of your sign-in email was requested");
    const token = linkIn((await sink.next(fresh)).text, "/confirm-email");
    // Nothing changed yet.
    expect((await db.user.findUniqueOrThrow({ where: { id } })).email).toBe(old);
    expect(await confirmEmailChange(db, token)).toEqual({ ok: true, email: fresh });
    expect(await confirmEmailChange(db, token)).toMatchObject({ ok: false, code: "link_used" });
    const after = await db.user.findUniqueOrThrow({ where: { id }, select: { email: true, sessionVersion: true } });
    expect(after).toEqual({ email: fresh, sessionVersion: sessionVersion + 1 });
    await deliver();
    expect((await sink.next(old)).subject).toBe("Your sign-in email was changed");
  });
});
