// Staff money actions run once per submission. The form sends an idempotency key (a UUID made in
// the browser, the same for every retry of one submission, a new one after each answer); the key
// is claimed in StaffActionKey before the action runs — the primary key lets one claim through,
// whatever the code or the number of processes — and the first answer is stored on it. A replay
// (a retried POST, a double submit, the same POST from two tabs) waits for that answer and gets
// it; it never runs the action again. The claim commits before the action: if the process dies
// in between, the key keeps no answer and replays say so rather than risk moving money twice.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/connection";
import type { ActionResult } from "./action-client";

export const ZIdempotencyKey = z.string({ error: "This form is out of date: reload the page." }).regex(/^[A-Za-z0-9-]{16,100}$/, "This form is out of date: reload the page.");

const POLL_FIRST_MS = 25;
const POLL_MAX_MS = 500;
const WAIT_MS = 30_000;

export type StaffActionClaim = { key: string; actorId: number; action: string };

export async function runStaffActionOnce(db: Db, claim: StaffActionClaim, run: () => Promise<ActionResult>): Promise<ActionResult> {
  const claimed = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO "StaffActionKey" (key, "actorId", action) VALUES (${claim.key}, ${claim.actorId}, ${claim.action})
    ON CONFLICT (key) DO NOTHING RETURNING key`;
  if (claimed.length === 0) return answerOf(db, claim);
  let result: ActionResult;
  try {
    result = await run();
  } catch (error) {
    // Unknown whether the action's transaction committed: the answer says to look before retrying.
    await finish(db, claim.key, { error: "Something went wrong on our side. Check the ledger before trying again." });
    throw error;
  }
  await finish(db, claim.key, result);
  return result;
}

async function finish(db: Db, key: string, result: ActionResult) {
  await db.staffActionKey.update({ where: { key }, data: { result: JSON.parse(JSON.stringify(result)), finishedAt: new Date() } });
}

/** The first submission's answer, once it has one. */
async function answerOf(db: Db, claim: StaffActionClaim): Promise<ActionResult> {
  const started = Date.now();
  for (let delay = POLL_FIRST_MS; ; delay = Math.min(delay * 2, POLL_MAX_MS)) {
    const row = await db.staffActionKey.findUnique({ where: { key: claim.key }, select: { actorId: true, action: true, result: true } });
    if (!row || row.actorId !== claim.actorId || row.action !== claim.action) return { error: "This form is out of date: reload the page." };
    if (row.result) return row.result as ActionResult;
    if (Date.now() - started > WAIT_MS) {
      return { error: "This submission was already received and has not finished (or was interrupted): reload the page and check before trying again." };
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
