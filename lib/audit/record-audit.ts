// The audit trail of staff and admin changes. Every data function that changes prices, rules,
// providers, users, balances, settings or resolves an order calls recordAudit inside the same
// transaction as the change, so a change and its audit row commit or roll back together.
import type { Tx } from "@/lib/ledger/transaction";
import type { Db } from "@/lib/db/connection";

export type AuditEntry = {
  actorId: number | null;
  /** verb.noun, e.g. "price_rule.set", "user.suspend", "funds.debit", "order.resolve". */
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

const SECRET_FIELD = /pass(word)?|secret|token|api.?key|key(hash|encrypted)?$|hash$/i;

/** Secrets never enter the audit log: fields that look like one are replaced by a marker. */
export function redactSecrets(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value === "object") {
    // Decimal (decimal.js / Prisma) and anything else with its own exact text form.
    if ("toFixed" in value && typeof (value as { toFixed: unknown }).toFixed === "function") return String(value);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_FIELD.test(k) ? "[redacted]" : redactSecrets(v);
    return out;
  }
  return value;
}

export async function recordAudit(db: Tx | Db, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: entry.before === undefined ? undefined : (redactSecrets(entry.before) as object),
      after: entry.after === undefined ? undefined : (redactSecrets(entry.after) as object),
      reason: entry.reason ?? null,
    },
  });
}
