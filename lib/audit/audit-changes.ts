// An audit row's before/after as people compare them: one line per field (nested objects as
// "field.part"), values in words rather than JSON, empty values said as such, and what each line
// means — changed, set, cleared, removed with the entity, or only recorded as it was before.

export type AuditChangeKind =
  /** In both, different. */
  | "changed"
  /** In both, equal. */
  | "same"
  /** Only in after (or empty before). */
  | "set"
  /** Only in before, and the row has no after at all: the thing itself was removed. */
  | "removed"
  /** Only in before while after records other fields: what it was, not a change. */
  | "was";

export type AuditChange = { field: string; kind: AuditChangeKind; before: string | null; after: string | null };

type Flat = Map<string, string | null>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A scalar or a list in words; null for an empty value (null, undefined, "", []). */
function inWords(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => (isPlainObject(item) ? objectInWords(item) : inWords(item))).filter((item): item is string => item !== null);
    return items.length ? items.join(isPlainObject(value[0]) ? "; " : ", ") : null;
  }
  if (isPlainObject(value)) return objectInWords(value);
  return String(value);
}

function objectInWords(value: Record<string, unknown>): string | null {
  const parts = Object.entries(value).flatMap(([key, v]) => {
    const words = inWords(v);
    return words === null ? [] : [`${key} ${words}`];
  });
  return parts.length ? parts.join(", ") : null;
}

/** Top-level fields, with nested objects spread into "field.part" (one level of nesting per dot). */
function flatten(value: unknown, prefix = "", into: Flat = new Map()): Flat {
  if (!isPlainObject(value)) {
    if (value !== null && value !== undefined) into.set(prefix || "value", inWords(value));
    return into;
  }
  for (const [key, v] of Object.entries(value)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(v) && Object.keys(v).length) flatten(v, field, into);
    else into.set(field, inWords(v));
  }
  return into;
}

/** Each field of before and after, alphabetically; fields empty on both sides are left out. */
export function changesOf(before: unknown, after: unknown): AuditChange[] {
  const b = flatten(before);
  const a = flatten(after);
  const noAfter = after === null || after === undefined;
  const fields = [...new Set([...b.keys(), ...a.keys()])].sort();
  return fields.flatMap((field): AuditChange[] => {
    const was = b.has(field) ? b.get(field)! : null;
    const now = a.has(field) ? a.get(field)! : null;
    if (!a.has(field)) {
      if (was === null) return [];
      return [{ field, kind: noAfter ? "removed" : "was", before: was, after: null }];
    }
    if (was === null && now === null) return [];
    if (was === now) return [{ field, kind: "same", before: was, after: now }];
    return [{ field, kind: was === null ? "set" : "changed", before: was, after: now }];
  });
}
