// The outbox against a real SMTP server in-process (smtp-server; mailparser reads what arrives):
// both parts arrive, a secret body is dropped once sent, a dedupe key enqueues once, two drainers
// never send one message twice, and a dead server means retries with backoff, then a dead letter
// that an admin (not staff) can send again.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { makeActors, uniqueLabel, withDatabase, type Actors } from "@/lib/testing/fixtures";
import { drainOutbox, MAIL_MAX_ATTEMPTS } from "./drain-outbox";
import { enqueueMail } from "./outbox";
import { listOutbox, retryDeadMail } from "./outbox-admin";
import { startSmtpSink, type SmtpSink } from "./testing/smtp-sink";
import { smtpTransport, type MailTransport } from "./transport";

let db: Db;
let actors: Actors;
let sink: SmtpSink;
let transport: MailTransport;
withDatabase(async (opened) => {
  db = opened;
  actors = await makeActors(db);
});
beforeAll(async () => {
  sink = await startSmtpSink();
  transport = smtpTransport(sink.url, "Panel <panel@test.local>");
});
afterAll(async () => {
  transport.close();
  await sink.close();
});

// This file's recipients only: other test files drain the same database.
const DOMAIN = "@outbox.test";
const address = (label: string) => `${uniqueLabel(label)}${DOMAIN}`;
const drain = (options: Partial<Parameters<typeof drainOutbox>[1]> = {}) =>
  drainOutbox(db, { transport, owner: "test-drainer", recipientSuffix: DOMAIN, ...options });

describe("outbox", () => {
  it("sends a text and an HTML part from one template, and keeps no body of a secret message once sent", async () => {
    const to = address("reset");
    const url = "http://localhost:3000/reset-password?token=abc<&>def";
    const id = await enqueueMail(db, { to, template: "password-reset", data: { url, minutes: 60 } });
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ state: "pending", secret: true });
    expect((await drain()).sent).toBeGreaterThanOrEqual(1);
    const mail = await sink.next(to);
    expect(mail.subject).toBe("Set a new password");
    expect(mail.from).toBe('"Panel" <panel@test.local>');
    expect(mail.text).toContain(url);
    // The HTML part escapes what it interpolates.
    expect(mail.html).toContain("token=abc&lt;&amp;&gt;def");
    expect(mail.html).not.toContain("abc<&>def");
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ state: "sent", attempts: 1, text: null, html: null, lastError: null });
  });

  it("keeps the body of an ordinary message, and enqueues a dedupe key once", async () => {
    const to = address("notice");
    const key = uniqueLabel("dedupe");
    const first = await enqueueMail(db, { to, template: "password-changed", data: { resetUrl: "http://x/forgot" }, dedupeKey: key });
    const second = await db.$transaction((tx) => enqueueMail(tx, { to, template: "password-changed", data: { resetUrl: "http://x/forgot" }, dedupeKey: key }));
    expect(first).toEqual(expect.any(Number));
    expect(second).toBeNull();
    await drain();
    expect((await sink.next(to)).subject).toBe("Your password was changed");
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: first! } })).toMatchObject({ state: "sent", text: expect.stringContaining("http://x/forgot") });
  });

  it("is sent with the transaction that wrote it, and not when it rolls back", async () => {
    const to = address("rollback");
    await expect(
      db.$transaction(async (tx) => {
        await enqueueMail(tx, { to, template: "password-changed", data: { resetUrl: "http://x" } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await db.mailMessage.count({ where: { to } })).toBe(0);
  });

  it("never sends one message twice when two drainers run at once", async () => {
    const recipients = Array.from({ length: 24 }, (_, i) => address(`pair-${i}`));
    for (const to of recipients) await enqueueMail(db, { to, template: "password-changed", data: { resetUrl: "http://x" } });
    const before = sink.received.length;
    // Each drainer claims a few at a time and comes back until nothing is due.
    const run = async (owner: string) => {
      let sent = 0;
      for (;;) {
        const report = await drain({ owner, limit: 3 });
        sent += report.sent;
        if (report.claimed === 0) return sent;
      }
    };
    const [a, b] = await Promise.all([run("drainer-a"), run("drainer-b")]);
    expect(a + b).toBe(recipients.length);
    const arrived = sink.received.slice(before).map((mail) => mail.to).sort();
    expect(arrived).toEqual([...recipients].sort());
  });

  it("retries a dead server with backoff, then dead-letters the message; an admin sends it again", async () => {
    // A port nobody listens on: every connection is refused.
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const dead = smtpTransport(`smtp://127.0.0.1:${closedPort}`, "panel@test.local");
    const to = address("dead");
    const id = (await enqueueMail(db, { to, template: "password-changed", data: { resetUrl: "http://x" } }))!;
    let now = new Date();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      const report = await drain({ transport: dead, now });
      expect(report.claimed).toBe(1);
      const row = await db.mailMessage.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      if (attempt < MAIL_MAX_ATTEMPTS) {
        expect(row.state).toBe("pending");
        waits.push(row.nextAttemptAt.getTime() - now.getTime());
        // Not due before its time, due after.
        expect((await drain({ transport: dead, now: new Date(row.nextAttemptAt.getTime() - 1) })).claimed).toBe(0);
        now = row.nextAttemptAt;
      } else {
        expect(row.state).toBe("dead");
      }
    }
    dead.close();
    expect(waits.slice(0, 3)).toEqual([30_000, 60_000, 120_000]);

    const staffView = await listOutbox(db, actors.staff, { state: "dead" });
    expect(staffView.rows.find((row) => row.id === id)).toMatchObject({ state: "dead", attempts: MAIL_MAX_ATTEMPTS, lastError: expect.any(String) });
    expect(await retryDeadMail(db, actors.staff, id)).toMatchObject({ ok: false, code: "not_allowed" });
    expect(await retryDeadMail(db, actors.admin, id)).toEqual({ ok: true });
    await drain();
    expect((await sink.next(to)).subject).toBe("Your password was changed");
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "sent", attempts: 1 });
  });

  it("dead-letters at once when the server refuses for good (5xx), and retries a 4xx", async () => {
    const temporary = address("busy");
    const permanent = address("nobody");
    const tempId = (await enqueueMail(db, { to: temporary, template: "password-changed", data: { resetUrl: "http://x" } }))!;
    sink.failWith = { code: 451, message: "Try again later" };
    await drain();
    sink.failWith = null;
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: tempId } })).toMatchObject({ state: "pending", attempts: 1, lastError: expect.stringContaining("Try again later") });

    const permId = (await enqueueMail(db, { to: permanent, template: "password-changed", data: { resetUrl: "http://x" } }))!;
    sink.failWith = { code: 550, message: "No such mailbox" };
    await drain({ now: new Date(Date.now() + 3_600_000) });
    sink.failWith = null;
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: permId } })).toMatchObject({ state: "dead", attempts: 1, lastError: expect.stringContaining("No such mailbox") });
  });

  it("never shows staff the body of a message that carries a link or code", async () => {
    const to = address("secret-view");
    const id = (await enqueueMail(db, { to, template: "sign-in-code", data: { code: "123456", minutes: 10 } }))!;
    const view = await listOutbox(db, actors.staff, {});
    expect(view.rows.find((row) => row.id === id)).toMatchObject({ subject: expect.any(String), text: null });
  });
});
