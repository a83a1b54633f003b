// Pricing rules as the admin edits them: set (create or change), remove, list, and a preview
// that shows old and new prices before saving. Saving reprices every affected row in the same
// transaction as the rule and its audit entry; the preview runs the very same statements and
// rolls them back, so what it shows is what saving does.
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { adminRefusal, assertStaff, type AdminResult, type StaffActor } from "@/lib/admin/authorize";
import type { Tx } from "@/lib/ledger/transaction";
import { fail, invalidFields, type FieldIssue } from "@/lib/result";
import { auditActorId } from "./operator";
import { lockCatalogPricing, pricedRowsSql, repriceItems, type ItemKind, type RepriceCounts } from "./reprice-sql";
import type { ParsedPriceRule, PriceRuleRef, RuleTarget } from "./schemas";
import { toLedgerString } from "@/lib/money";

const TX = { maxWait: 30_000, timeout: 120_000 } as const;

export type PriceRuleView = {
  id: number;
  itemKind: ItemKind;
  scope: RuleTarget["scope"];
  target: string;
  providerId: number | null;
  category: string | null;
  itemId: number | null;
  percent: string | null;
  fixedAmount: string | null;
  minPrice: string | null;
  roundStep: string | null;
  /** How many rows this rule prices now. */
  pricedCount: number;
  updatedAt: Date;
};


function targetWhere(kind: ItemKind, target: RuleTarget): Prisma.PriceRuleWhereInput {
  return {
    itemKind: kind,
    scope: target.scope,
    providerId: target.scope === "provider" ? target.providerId : null,
    category: target.scope === "category" ? target.category : null,
    itemId: target.scope === "item" ? target.itemId : null,
  };
}

/** The target must exist: a rule for a provider or item that is not there is refused. */
async function checkTarget(tx: Tx | Db, kind: ItemKind, target: RuleTarget): Promise<Record<string, FieldIssue> | null> {
  if (target.scope === "provider" && !(await tx.provider.findUnique({ where: { id: target.providerId }, select: { id: true } }))) {
    return { providerId: { code: "not_found", message: "No such provider." } };
  }
  if (target.scope === "item") {
    const exists = kind === "service"
      ? await tx.service.findUnique({ where: { id: target.itemId }, select: { id: true } })
      : await tx.product.findUnique({ where: { id: target.itemId }, select: { id: true } });
    if (!exists) return { itemId: { code: "not_found", message: `No ${kind} ${target.itemId}.` } };
  }
  return null;
}

type RuleRow = Awaited<ReturnType<typeof readRule>>;
function readRule(tx: Tx | Db, where: Prisma.PriceRuleWhereInput) {
  return tx.priceRule.findFirst({ where });
}
const ruleSnapshot = (rule: NonNullable<RuleRow>) => ({
  itemKind: rule.itemKind, scope: rule.scope, providerId: rule.providerId, category: rule.category, itemId: rule.itemId,
  percent: rule.percent?.toFixed() ?? null, fixedAmount: rule.fixedAmount?.toFixed() ?? null,
  minPrice: rule.minPrice?.toFixed() ?? null, roundStep: rule.roundStep?.toFixed() ?? null,
});

/** Writes the rule (create or change) and reprices its kind; inside the caller's transaction. */
async function writeRule(tx: Tx, rule: ParsedPriceRule) {
  const where = targetWhere(rule.itemKind, rule.target);
  const before = await readRule(tx, where);
  const terms = {
    percent: rule.terms.percent ?? null, fixedAmount: rule.terms.fixedAmount ?? null,
    minPrice: rule.terms.minPrice ?? null, roundStep: rule.terms.roundStep ?? null,
  };
  const after = before
    ? await tx.priceRule.update({ where: { id: before.id }, data: terms })
    : await tx.priceRule.create({ data: { ...(where as Prisma.PriceRuleUncheckedCreateInput), ...terms } });
  return { before, after };
}

export type SetPriceRuleResult = AdminResult<{ ruleId: number; counts: RepriceCounts }>;

/** `rule` parsed by ZPriceRuleInput at the boundary. */
export async function setPriceRule(db: Db, actor: StaffActor, rule: ParsedPriceRule): Promise<SetPriceRuleResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const targetError = await checkTarget(db, rule.itemKind, rule.target);
  if (targetError) return invalidFields(targetError);
  try {
    return await db.$transaction(async (tx) => {
      await lockCatalogPricing(tx);
      const { before, after } = await writeRule(tx, rule);
      const counts = await repriceItems(tx, rule.itemKind, {}, { log: true });
      await recordAudit(tx, {
        actorId: auditActorId(actor), action: "price_rule.set", entityType: "PriceRule", entityId: after.id,
        before: before ? ruleSnapshot(before) : null, after: { ...ruleSnapshot(after), repriced: counts },
      });
      return { ok: true as const, ruleId: after.id, counts };
    }, TX);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return fail("update_failed", "Another admin saved a rule for the same target at the same moment. Reload and try again.");
    }
    throw error;
  }
}

export async function removePriceRule(db: Db, actor: StaffActor, input: PriceRuleRef): Promise<SetPriceRuleResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  return db.$transaction(async (tx): Promise<SetPriceRuleResult> => {
    await lockCatalogPricing(tx);
    const before = await tx.priceRule.findUnique({ where: { id: input.ruleId } });
    if (!before) return fail("not_found", "No such rule.");
    await tx.priceRule.delete({ where: { id: before.id } });
    const counts = await repriceItems(tx, before.itemKind, {}, { log: true });
    await recordAudit(tx, {
      actorId: auditActorId(actor), action: "price_rule.remove", entityType: "PriceRule", entityId: before.id,
      before: ruleSnapshot(before), after: { removed: true, repriced: counts },
    });
    return { ok: true, ruleId: before.id, counts };
  }, TX);
}

export type PreviewRow = { id: number; name: string; category: string; provider: string; cost: string; oldRate: string; newRate: string };
export type RulePreview = { counts: { up: number; down: number; changed: number }; rows: PreviewRow[]; limit: number };

const PREVIEW_LIMIT = 50;
class RollBack extends Error {
  constructor(readonly preview: RulePreview) {
    super("preview rolled back");
  }
}

/**
 * Old and new prices of every row the rule would change, the largest changes first (at most 50
 * rows, with exact totals). Nothing is saved. Staff may look; only admins may save.
 */
export async function previewPriceRule(db: Db, actor: StaffActor, rule: ParsedPriceRule): Promise<AdminResult<{ preview: RulePreview }>> {
  assertStaff(actor);
  const targetError = await checkTarget(db, rule.itemKind, rule.target);
  if (targetError) return invalidFields(targetError);
  const table = Prisma.raw(rule.itemKind === "service" ? `"Service"` : `"Product"`);
  try {
    await db.$transaction(async (tx) => {
      await writeRule(tx, rule);
      const changed = Prisma.sql`WITH priced AS (${pricedRowsSql(rule.itemKind, {})}) SELECT * FROM priced WHERE new_rate <> old_rate`;
      const [totals] = await tx.$queryRaw<{ up: bigint; down: bigint; changed: bigint }[]>`
        SELECT count(*) FILTER (WHERE new_rate > old_rate) AS up, count(*) FILTER (WHERE new_rate < old_rate) AS down, count(*) AS changed
        FROM (${changed}) c`;
      const rows = await tx.$queryRaw<{ id: number; name: string; category: string; provider: string; cost: Prisma.Decimal; old_rate: Prisma.Decimal; new_rate: Prisma.Decimal }[]>`
        SELECT c."id", i."name", i."category", p."name" AS provider, c.cost, c.old_rate, c.new_rate
        FROM (${changed}) c JOIN ${table} i ON i."id" = c."id" JOIN "Provider" p ON p."id" = i."providerId"
        ORDER BY abs(c.new_rate - c.old_rate) DESC, c."id" LIMIT ${PREVIEW_LIMIT}`;
      throw new RollBack({
        counts: { up: Number(totals!.up), down: Number(totals!.down), changed: Number(totals!.changed) },
        limit: PREVIEW_LIMIT,
        rows: rows.map((r) => ({
          id: r.id, name: r.name, category: r.category, provider: r.provider,
          cost: r.cost.toFixed(), oldRate: toLedgerString(r.old_rate), newRate: toLedgerString(new Prisma.Decimal(r.new_rate)),
        })),
      });
    }, TX);
  } catch (error) {
    if (error instanceof RollBack) return { ok: true, preview: error.preview };
    throw error;
  }
  throw new Error("preview transaction did not roll back");
}

export async function listPriceRules(db: Db, actor: StaffActor): Promise<PriceRuleView[]> {
  assertStaff(actor);
  const rules = await db.priceRule.findMany({
    orderBy: [{ itemKind: "asc" }, { scope: "asc" }, { id: "asc" }],
    include: { provider: { select: { name: true } }, _count: { select: { services: true, products: true } } },
    take: 1000,
  });
  return rules.map((r) => ({
    id: r.id, itemKind: r.itemKind, scope: r.scope, providerId: r.providerId, category: r.category, itemId: r.itemId,
    target:
      r.scope === "global" ? `every ${r.itemKind}`
      : r.scope === "provider" ? `provider ${r.provider?.name ?? r.providerId}`
      : r.scope === "category" ? `category ${r.category}`
      : `${r.itemKind} #${r.itemId}`,
    percent: r.percent?.toFixed() ?? null, fixedAmount: r.fixedAmount?.toFixed() ?? null,
    minPrice: r.minPrice?.toFixed() ?? null, roundStep: r.roundStep?.toFixed() ?? null,
    pricedCount: r.itemKind === "service" ? r._count.services : r._count.products,
    updatedAt: r.updatedAt,
  }));
}

/**
 * The markup typed when syncing a provider ("sync at 25 %") becomes that provider's rule for
 * services and products (other terms of an existing rule are kept). Inside the sync's transaction.
 */
export async function setProviderMarkupInTx(tx: Tx, providerId: number, percent: string, actorId: number | null): Promise<void> {
  for (const itemKind of ["service", "product"] as const) {
    const where = targetWhere(itemKind, { scope: "provider", providerId });
    const before = await readRule(tx, where);
    if (before?.percent?.toFixed() === percent) continue;
    const after = before
      ? await tx.priceRule.update({ where: { id: before.id }, data: { percent } })
      : await tx.priceRule.create({ data: { itemKind, scope: "provider", providerId, percent } });
    await recordAudit(tx, {
      actorId, action: "price_rule.set", entityType: "PriceRule", entityId: after.id,
      before: before ? ruleSnapshot(before) : null, after: ruleSnapshot(after), reason: "markup given with a catalog sync",
    });
  }
}
