import { describe, expect, it } from "vitest";
import { ZCatalogFilters } from "@/lib/catalog/schemas";
import { ZOrderFilters } from "./schemas";

describe("query-string filters", () => {
  it("ignore a value that does not parse instead of dropping every filter", () => {
    expect(ZCatalogFilters.parse({ providerId: "abc", category: "Instagram", enabled: "maybe", page: "0" })).toEqual({
      providerId: undefined, category: "Instagram", search: undefined, enabled: undefined, override: undefined, page: 1,
    });
    expect(ZOrderFilters.parse({ state: "lost", email: " A@B.test ", flagged: "yes", page: "3" })).toMatchObject({
      state: undefined, email: "a@b.test", flagged: "yes", page: 3,
    });
    expect(ZCatalogFilters.parse({})).toMatchObject({ page: 1 });
  });
});
