// The staff users list searches on the server: by part of the email or name, by account id, by role.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { uniqueLabel as unique, withActors, type Actors } from "@/lib/testing/fixtures";
import { searchUsersForStaff } from "./search-users";

let db: Db;
let actors: Actors;
withActors((ready) => ({ db, actors } = ready));

describe("user search", () => {
  it("finds by part of the email or name (any case) and by account id; pages are bounded", async () => {
    const tag = unique("Zebra");
    const user = await db.user.create({ data: { email: `${tag.toLowerCase()}@search.test`, name: `Ms ${tag} Stripe`, passwordHash: "x" } });
    const ids = async (q: string) => (await searchUsersForStaff(db, actors.staff, { q })).users.map((u) => u.id);
    expect(await ids(tag.toUpperCase())).toEqual([user.id]);
    expect(await ids(`${tag} stripe`)).toEqual([user.id]);
    expect(await ids(String(user.id))).toContain(user.id);
    expect(await ids(`#${user.id}`)).toContain(user.id);
    expect(await ids(`${tag}-nobody`)).toEqual([]);
    const page = await searchUsersForStaff(db, actors.staff, { q: tag, page: "1e9" });
    expect(page.page).toBe(1);
    expect((await searchUsersForStaff(db, actors.staff, { role: "admin" })).users.every((u) => u.role === "admin")).toBe(true);
    await expect(searchUsersForStaff(db, actors.customer, {})).rejects.toThrow();
  });
});
