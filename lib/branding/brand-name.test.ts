// The owner's panel name: the default until set, only an admin sets it (audited), bad names are
// refused at the boundary, and getBrandName — what pages and emails call — answers the new name.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { withActors, type Actors } from "@/lib/testing/fixtures";
import { DEFAULT_BRAND_NAME, getBrandName, setBrandName, ZSetBrandNameInput } from "./brand-name";

let db: Db;
let actors: Actors;
withActors((ready) => ({ db, actors } = ready));

describe("brand name", () => {
  it("is the default until an admin sets it; staff and customers are refused and change nothing", async () => {
    await db.panelSetting.deleteMany({ where: { key: "brand_name" } });
    expect(await getBrandName(db)).toBe(DEFAULT_BRAND_NAME);
    expect(await setBrandName(db, actors.staff, { name: "Staff Shop" })).toMatchObject({ ok: false, code: "not_allowed" });
    expect(await setBrandName(db, actors.customer, { name: "Customer Shop" })).toMatchObject({ ok: false, code: "not_allowed" });
    expect(await getBrandName(db)).toBe(DEFAULT_BRAND_NAME);

    expect(await setBrandName(db, actors.admin, ZSetBrandNameInput.parse({ name: "  Boost Hub  " }))).toEqual({ ok: true, name: "Boost Hub" });
    expect(await getBrandName(db)).toBe("Boost Hub");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "setting.brand_name", actorId: actors.admin.id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ before: { name: DEFAULT_BRAND_NAME }, after: { name: "Boost Hub" } });
    await db.panelSetting.deleteMany({ where: { key: "brand_name" } });
  });

  it("refuses an empty, too long or multi-line name at the boundary", () => {
    expect(ZSetBrandNameInput.safeParse({ name: "   " }).success).toBe(false);
    expect(ZSetBrandNameInput.safeParse({ name: "x".repeat(61) }).success).toBe(false);
    expect(ZSetBrandNameInput.safeParse({ name: "Two\nlines" }).success).toBe(false);
    expect(ZSetBrandNameInput.safeParse({ name: "x".repeat(60) }).success).toBe(true);
  });
});
