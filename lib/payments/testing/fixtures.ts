// Set-up for the payment integration tests: an admin, a customer, methods created through
// saveMethod (so keys are sealed as in production), stubs and a webhook receiver over real HTTP.
import crypto from "node:crypto";
import type { Db } from "@/lib/db/connection";
import { makeUser, parsed } from "@/lib/testing/fixtures";
import { addBonusRule, saveMethod } from "../manage-methods";
import { ZBonusRuleInput, ZSaveMethodInput, type SaveMethodInput } from "../schemas";
import { toLedgerString } from "@/lib/money";

export const uniqueName = (label: string) => `${label} ${crypto.randomBytes(4).toString("hex")}`;

export async function makeAdminAndCustomer(db: Db) {
  const [admin, customer] = await Promise.all([makeUser(db, "admin"), makeUser(db, "customer")]);
  return { admin, customer };
}

export async function createMethod(db: Db, admin: { id: number; role: "admin" }, input: Partial<SaveMethodInput> & { gateway: SaveMethodInput["gateway"] }, bonuses: [string, string][] = []) {
  const saved = await saveMethod(db, admin, parsed(ZSaveMethodInput, {
    name: uniqueName(input.gateway),
    enabled: "on",
    currency: "USD",
    exchangeRate: "1",
    minAmount: "1",
    maxAmount: "10000",
    feePercent: "0",
    instructions: input.gateway === "manual" ? "Transfer to IBAN XX00 0000, reference your email." : "",
    ...input,
  }));
  if (!saved.ok) throw new Error(`method not saved: ${saved.error} ${JSON.stringify(saved.fieldErrors)}`);
  for (const [minAmount, percent] of bonuses) {
    const added = await addBonusRule(db, admin, parsed(ZBonusRuleInput, { methodId: saved.methodId, minAmount, percent }));
    if (!added.ok) throw new Error(added.error);
  }
  return saved.methodId;
}

/** One set of fixtures: the payment tests use the shared helpers too. */
export { balanceOf } from "@/lib/testing/fixtures";

export async function entriesOf(db: Db, paymentId: number) {
  const entries = await db.ledgerEntry.findMany({ where: { paymentId }, orderBy: { id: "asc" } });
  return entries.map((e) => [e.kind, toLedgerString(e.amount)]);
}
