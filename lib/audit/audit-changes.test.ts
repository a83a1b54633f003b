import { describe, expect, it } from "vitest";
import { changesOf } from "./audit-changes";

describe("changesOf", () => {
  it("says what each field did: changed, set, same, and what it only was", () => {
    // A rejected payment: before records state and an empty flag, after only the new state.
    expect(changesOf({ state: "waiting", flag: null }, { state: "rejected" })).toEqual([{ field: "state", kind: "changed", before: "waiting", after: "rejected" }]);
    expect(changesOf({ state: "unknown" }, { state: "failed", refunded: "5.000000" })).toEqual([
      { field: "refunded", kind: "set", before: null, after: "5.000000" },
      { field: "state", kind: "changed", before: "unknown", after: "failed" },
    ]);
    expect(changesOf({ flag: "underpaid", state: "paid" }, { state: "paid" })).toEqual([
      { field: "flag", kind: "was", before: "underpaid", after: null },
      { field: "state", kind: "same", before: "paid", after: "paid" },
    ]);
  });

  it("never calls an empty field removed; a field cleared says so; a row without after is a removal", () => {
    // Fields that were empty and stay empty are no news at all (they used to show "(removed)").
    expect(changesOf({ description: null, name: "" }, { description: null, name: "" })).toEqual([]);
    expect(changesOf({ nameOverride: "Ours" }, { nameOverride: null })).toEqual([{ field: "nameOverride", kind: "changed", before: "Ours", after: null }]);
    expect(changesOf({ ruleId: 4, percent: "5" }, null)).toEqual([
      { field: "percent", kind: "removed", before: "5", after: null },
      { field: "ruleId", kind: "removed", before: "4", after: null },
    ]);
  });

  it("shows nested objects field by field and lists in words, never raw JSON", () => {
    const changes = changesOf(
      { settings: { fee: "1", enabled: false }, tags: ["a", "b"] },
      { settings: { fee: "2", enabled: true }, tags: ["a", "c"], rules: [{ minAmount: "100", percent: "5" }] },
    );
    expect(changes).toEqual([
      { field: "rules", kind: "set", before: null, after: "minAmount 100, percent 5" },
      { field: "settings.enabled", kind: "changed", before: "no", after: "yes" },
      { field: "settings.fee", kind: "changed", before: "1", after: "2" },
      { field: "tags", kind: "changed", before: "a, b", after: "a, c" },
    ]);
    for (const change of changes) expect(`${change.before}${change.after}`).not.toMatch(/[{}"[\]]/);
  });
});
