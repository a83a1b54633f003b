// Issue 12, finding 9: huge page numbers (`/funds?page=99999999999999999999` was a 500) reach
// every paging data function and must give an empty page, not an error.
import { describe, expect, it } from "vitest";
import { getUserDetail } from "@/lib/users/user-detail";
import { listOrdersForStaff } from "@/lib/admin/orders";
import { listServicesForStaff } from "@/lib/catalog/staff-catalog";
import { withActors, type Actors } from "@/lib/testing/fixtures";
import type { Db } from "@/lib/db/connection";
import { listOrders } from "@/lib/orders/list-orders";
import { listLedgerEntries } from "@/lib/panel/ledger-history";
import { searchUsersForStaff } from "@/lib/users/search-users";
import { boundedPage, MAX_PAGE } from "./page-number";

let db: Db;
let actors: Actors;
withActors((ready) => ({ db, actors } = ready));

const HUGE = "99999999999999999999";

describe("page parameters are bounded", () => {
  it("boundedPage", () => {
    expect([HUGE, "0", "-3", "abc", "2.5", "", undefined, Number.NaN, Infinity, 1e20, "7"].map(boundedPage)).toEqual([
      MAX_PAGE, 1, 1, 1, 1, 1, 1, 1, 1, MAX_PAGE, 7,
    ]);
  });

  it("every paging data function answers a huge page with an empty page", async () => {
    const customerId = actors.customer.id;
    expect((await listLedgerEntries(db, customerId, { page: Number(HUGE) })).entries).toEqual([]);
    // The staff users list refuses an out-of-range page (back to page 1); it must not throw.
    await expect(searchUsersForStaff(db, actors.staff, { page: HUGE })).resolves.toMatchObject({ page: 1 });
    expect((await getUserDetail(db, actors.staff, customerId, { ledgerPage: Number(HUGE) }))?.ledger.entries).toEqual([]);
    expect((await listOrders(db, customerId, { page: HUGE })).orders).toEqual([]);
    // The staff filters already refuse an out-of-range page (back to page 1); they must not throw.
    await expect(listOrdersForStaff(db, actors.staff, { page: HUGE })).resolves.toMatchObject({ page: 1 });
    await expect(listServicesForStaff(db, actors.staff, { page: HUGE })).resolves.toMatchObject({ page: 1 });
  });
});
