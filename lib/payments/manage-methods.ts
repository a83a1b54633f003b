// Admins define payment methods (gateway, limits, fee, instructions, keys) and their bonus rules.
// Keys are sealed at rest and come back only as hints; an empty key field keeps the stored one.
// Every change is audited in its own transaction (secrets redacted by recordAudit).
import "server-only";
import { adminRefusal, type StaffActor } from "@/lib/admin/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import { config } from "@/lib/config";
import type { z } from "zod";
import { hintOf, openStoredSecrets, SECRET_FIELDS, sealSecrets } from "./method-secrets";
import type { ZBonusRuleInput, ZRemoveBonusRuleInput, ZSaveMethodInput } from "./schemas";

type Result<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string; fieldErrors?: Record<string, string> };

const publicFields = (m: { name: string; gateway: string; enabled: boolean; currency: string; exchangeRate: unknown; minAmount: unknown; maxAmount: unknown; feePercent: unknown; instructions: string | null; settingsHint: unknown }) => ({
  name: m.name,
  gateway: m.gateway,
  enabled: m.enabled,
  currency: m.currency,
  exchangeRate: String(m.exchangeRate),
  minAmount: String(m.minAmount),
  maxAmount: String(m.maxAmount),
  feePercent: String(m.feePercent),
  instructions: m.instructions,
  keys: m.settingsHint,
});

/** The inputs below are parsed by their schemas at the boundary (the admin actions). */
export async function saveMethod(db: Db, actor: StaffActor, input: z.output<typeof ZSaveMethodInput>): Promise<Result<{ methodId: number }>> {
  const refused = adminRefusal(actor);
  if (refused) return { ok: false, error: refused.message };
  const v = input;
  const existing = v.methodId ? await db.paymentMethod.findUnique({ where: { id: v.methodId } }) : null;
  if (v.methodId && !existing) return { ok: false, error: "No such payment method." };
  if (existing && existing.gateway !== v.gateway) return { ok: false, error: "The gateway of a method cannot change.", fieldErrors: { gateway: "Create a new method instead." } };

  // Only the gateway's own secret fields; blanks keep what is stored.
  const stored = openStoredSecrets(existing?.settingsEncrypted ?? null);
  const secrets: Record<string, string> = {};
  const hints: Record<string, string> = {};
  for (const field of SECRET_FIELDS[v.gateway]) {
    const typed = (v as Record<string, unknown>)[field.name] as string;
    const kept = stored[field.name];
    const value = typed || kept;
    if (value) {
      secrets[field.name] = value;
      hints[field.name] = hintOf(value);
    }
  }
  if (v.enabled && v.gateway !== "manual") {
    const settings = config();
    const missing = SECRET_FIELDS[v.gateway].filter((f) => !secrets[f.name] && !settings[f.env]);
    if (missing.length) return { ok: false, error: "Set the gateway's keys before enabling it.", fieldErrors: Object.fromEntries(missing.map((f) => [f.name, "Required to enable the method."])) };
  }
  const data = {
    gateway: v.gateway,
    name: v.name,
    enabled: v.enabled,
    currency: v.currency,
    exchangeRate: v.exchangeRate,
    minAmount: v.minAmount,
    maxAmount: v.maxAmount,
    feePercent: v.feePercent,
    instructions: v.instructions || null,
    settingsEncrypted: Object.keys(secrets).length ? sealSecrets(secrets) : null,
    settingsHint: hints,
  };
  try {
    const saved = await db.$transaction(async (tx) => {
      const method = existing ? await tx.paymentMethod.update({ where: { id: existing.id }, data }) : await tx.paymentMethod.create({ data });
      await recordAudit(tx, {
        actorId: actor.id,
        action: existing ? "payment_method.update" : "payment_method.create",
        entityType: "payment_method",
        entityId: method.id,
        before: existing ? publicFields(existing) : null,
        after: publicFields(method),
      });
      return method;
    });
    return { ok: true, methodId: saved.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, error: "Check the highlighted fields.", fieldErrors: { name: "Another method has this name." } };
    throw error;
  }
}

export async function addBonusRule(db: Db, actor: StaffActor, input: z.output<typeof ZBonusRuleInput>): Promise<Result> {
  const refused = adminRefusal(actor);
  if (refused) return { ok: false, error: refused.message };
  const { methodId, minAmount, percent } = input;
  if (!(await db.paymentMethod.findUnique({ where: { id: methodId }, select: { id: true } }))) return { ok: false, error: "No such payment method." };
  try {
    await db.$transaction(async (tx) => {
      const rule = await tx.bonusRule.create({ data: { methodId, minAmount, percent } });
      await recordAudit(tx, { actorId: actor.id, action: "bonus_rule.create", entityType: "payment_method", entityId: methodId, after: { ruleId: rule.id, minAmount, percent } });
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, error: "Check the highlighted fields.", fieldErrors: { minAmount: "A rule already starts at this amount." } };
    throw error;
  }
}

export async function removeBonusRule(db: Db, actor: StaffActor, input: z.output<typeof ZRemoveBonusRuleInput>): Promise<Result> {
  const refused = adminRefusal(actor);
  if (refused) return { ok: false, error: refused.message };
  return db.$transaction(async (tx) => {
    const rule = await tx.bonusRule.findUnique({ where: { id: input.ruleId } });
    if (!rule) return { ok: false as const, error: "No such rule." };
    await tx.bonusRule.delete({ where: { id: rule.id } });
    await recordAudit(tx, { actorId: actor.id, action: "bonus_rule.delete", entityType: "payment_method", entityId: rule.methodId, before: { ruleId: rule.id, minAmount: rule.minAmount.toFixed(), percent: rule.percent.toFixed() } });
    return { ok: true as const };
  });
}
