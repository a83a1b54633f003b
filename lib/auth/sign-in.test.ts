// Issue 19 item 7 / issue 23: a stranger's wrong passwords (past the per-account limit, from many
// addresses) never lock the owner out. Two limiter stores with their own connection pools stand
// for two app processes sharing the database; the emailed code arrives over real SMTP.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { drainOutbox } from "@/lib/mail/drain-outbox";
import { startSmtpSink, type SmtpSink } from "@/lib/mail/testing/smtp-sink";
import { smtpTransport, type MailTransport } from "@/lib/mail/transport";
import { CREDENTIAL_LIMITS, createCredentialGuard, type CredentialGuard } from "@/lib/rate-limit/policies";
import type { LimiterStore } from "@/lib/rate-limit/store";
import { parsed, uniqueLabel, withTwoLimiterStores } from "@/lib/testing/fixtures";
import { createUser } from "@/lib/users/create-user";
import { SIGN_IN_ERRORS, ZSignInInput } from "@/lib/users/schemas";
import { replaceRecoveryCodes } from "./recovery-codes";
import { checkSignIn } from "./sign-in";

let db: Db;
let stores: LimiterStore[] = [];
let sink: SmtpSink;
let transport: MailTransport;
withTwoLimiterStores((ready) => ({ db, stores } = ready));
beforeAll(async () => {
  sink = await startSmtpSink();
  transport = smtpTransport(sink.url, "panel@test.local");
});
afterAll(async () => {
  transport.close();
  await sink.close();
});

const DOMAIN = "@lockout.test";
const randomIp = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
const deliver = () => drainOutbox(db, { transport, owner: "lockout-test", recipientSuffix: DOMAIN });
const PASSWORD = "owner-password-1";

/** Process A and process B: the sign-in guard (same name, so the same counts) on each store. */
function processes(): [CredentialGuard, CredentialGuard] {
  const name = uniqueLabel("sign-in");
  const [a, b] = stores.map((store) => createCredentialGuard(store, name, { pastAccountLimit: "second-proof" }));
  return [a!, b!];
}

const attempt = (guard: CredentialGuard, email: string, password: string, ip: string, code?: string) =>
  checkSignIn(db, guard, parsed(ZSignInInput, { email, password, ...(code ? { code } : {}) }), ip);

async function owner() {
  const email = `${uniqueLabel("owner")}${DOMAIN}`;
  const created = await createUser(db, { email, password: PASSWORD });
  if (!created.ok) throw new Error(created.message);
  return { id: created.user.id, email };
}

/** More wrong passwords than the account's limit, from many addresses, through both processes. */
async function strangerGuesses(guards: CredentialGuard[], email: string, { throughSignIn }: { throughSignIn: boolean }) {
  for (let i = 0; i < CREDENTIAL_LIMITS.accountFailures + 30; i++) {
    const guard = guards[i % 2]!;
    // The first test goes through the whole sign-in; the others only count the failures (the
    // password hashing of 230 guesses takes most of a minute).
    if (throughSignIn) expect(await attempt(guard, email, `guess-${i}-password`, randomIp())).toBeNull();
    else await guard.recordFailure(email, randomIp());
  }
}

describe("an account past its failure limit", () => {
  it("lets the owner in from a new address with a code sent by email; the known address gets straight in", async () => {
    const [a, b] = processes();
    const { id, email } = await owner();
    const home = randomIp();
    // The owner signed in from home before the attack.
    expect(await attempt(a, email, PASSWORD, home)).toMatchObject({ id });
    await strangerGuesses([a, b], email, { throughSignIn: true });

    // From home (known to the account): in, as before.
    expect(await attempt(b, email, PASSWORD, home)).toMatchObject({ id });
    // A wrong password from a new address is still just wrong (no hint that a code exists).
    const travel = randomIp();
    expect(await attempt(a, email, "not-the-password-1", randomIp())).toBeNull();
    // The right password from a new address: a code goes to the owner's inbox.
    await expect(attempt(b, email, PASSWORD, travel)).rejects.toThrow(SIGN_IN_ERRORS.emailCodeRequired);
    await deliver();
    const mail = await sink.next(email);
    const code = /\b(\d{6})\b/.exec(mail.text)![1]!;
    expect(mail.subject).toBe(`Your sign-in code: ${code}`);
    const wrong = code === "000000" ? "111111" : "000000";
    await expect(attempt(a, email, PASSWORD, travel, wrong)).rejects.toThrow(SIGN_IN_ERRORS.emailCodeInvalid);
    expect(await attempt(a, email, PASSWORD, travel, code)).toMatchObject({ id });
    // Once: the same code does not work again (and that address is known now, so no code is asked).
    const elsewhere = randomIp();
    await expect(attempt(b, email, PASSWORD, elsewhere, code)).rejects.toThrow(SIGN_IN_ERRORS.emailCodeInvalid);
    expect(await attempt(b, email, PASSWORD, travel)).toMatchObject({ id });
  });

  it("a code dies after five wrong tries; a stranger without the password never triggers a mail", async () => {
    const [a, b] = processes();
    const { email } = await owner();
    await strangerGuesses([a, b], email, { throughSignIn: false });
    const sentBefore = await db.mailMessage.count({ where: { to: email } });
    expect(sentBefore).toBe(0);
    const ip = randomIp();
    await expect(attempt(a, email, PASSWORD, ip)).rejects.toThrow(SIGN_IN_ERRORS.emailCodeRequired);
    await deliver();
    const code = /\b(\d{6})\b/.exec((await sink.next(email)).text)![1]!;
    const wrong = code === "000000" ? "111111" : "000000";
    // From other addresses, so that the per account+IP backoff does not answer first.
    for (let i = 0; i < 5; i++) await expect(attempt(b, email, PASSWORD, randomIp(), wrong)).rejects.toThrow(SIGN_IN_ERRORS.emailCodeInvalid);
    await expect(attempt(b, email, PASSWORD, randomIp(), code)).rejects.toThrow(SIGN_IN_ERRORS.emailCodeInvalid);
  });

  it("with two-factor sign-in on, the authenticator (or a recovery code) is the second proof; no email", async () => {
    const [a, b] = processes();
    const { id, email } = await owner();
    await db.user.update({ where: { id }, data: { totpEnabledAt: new Date(), totpSecretEncrypted: "unused-here" } });
    const [recovery] = await replaceRecoveryCodes(db, id);
    await strangerGuesses([a, b], email, { throughSignIn: false });
    await expect(attempt(a, email, PASSWORD, randomIp())).rejects.toThrow(SIGN_IN_ERRORS.codeRequired);
    expect(await attempt(b, email, PASSWORD, randomIp(), recovery!)).toMatchObject({ id });
    await expect(attempt(b, email, PASSWORD, randomIp(), recovery!)).rejects.toThrow(SIGN_IN_ERRORS.codeInvalid);
    expect(await db.mailMessage.count({ where: { to: email } })).toBe(0);
  });
});
