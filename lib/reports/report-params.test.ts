import { describe, expect, it } from "vitest";
import { reportCsv, reportFileName } from "./report-csv";
import { parseReportParams, reportQueryString } from "./report-params";

const now = new Date("2026-12-01T15:00:00Z");

describe("report parameters", () => {
  it("defaults to the last 30 UTC days by day; the window ends after the last day", () => {
    const p = parseReportParams({}, now);
    expect(p).toMatchObject({ fromDay: "2026-11-02", toDay: "2026-12-01", period: "day", group: "period" });
    expect(p.from.toISOString()).toBe("2026-11-02T00:00:00.000Z");
    expect(p.to.toISOString()).toBe("2026-12-02T00:00:00.000Z");
  });

  it("swaps a reversed window, bounds it to 5 years and ignores what does not parse", () => {
    expect(parseReportParams({ from: "2026-03-10", to: "2026-03-01" }, now)).toMatchObject({ fromDay: "2026-03-01", toDay: "2026-03-10" });
    expect(parseReportParams({ from: "1900-01-01", to: "2026-01-01" }, now).fromDay).toBe("2020-12-28"); // 5 × 366 days
    expect(parseReportParams({ from: "yesterday", period: "hour", group: "planet" }, now)).toMatchObject({ fromDay: "2026-11-02", period: "day", group: "period" });
    const p = parseReportParams({ from: "2026-01-01", to: "2026-01-31", period: "week", group: "provider" }, now);
    expect(reportQueryString(p)).toBe("from=2026-01-01&to=2026-01-31&period=week&group=provider");
    expect(reportFileName(p)).toBe("report-provider-2026-01-01-to-2026-01-31.csv");
  });
});

describe("report CSV", () => {
  it("starts with its header (no note line a spreadsheet would take for data), quotes commas and quotes, defuses formulas, keeps negative numbers", () => {
    const row = {
      key: "7", label: '=HYPERLINK("x"), Inc', orders: 2, charged: "3.000000", refunded: "1.000000", revenue: "2.000000", costKnownOrders: 1,
      costKnownRevenue: "2.000000", cost: "2.500000", profit: "-0.500000", costUnknownOrders: 1, costUnknownRevenue: "0.000000",
      upstreamReported: "0.000000", upstreamReportedOrders: 0,
    };
    const csv = reportCsv([row], parseReportParams({ from: "2026-01-01", to: "2026-01-02", group: "customer" }, now), "USD");
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "key,customer,orders,charged_USD,refunded_USD,revenue_USD,orders_with_cost,revenue_with_cost_USD,upstream_cost_USD,profit_USD," +
        "orders_cost_unknown,revenue_cost_unknown_USD,upstream_reported_charge_USD,orders_upstream_reported",
    );
    expect(lines).toHaveLength(3); // header, the row, and the empty string after the last CRLF
    expect(reportCsv([], parseReportParams({ from: "2026-01-01", to: "2026-01-02", period: "week" }, now), "EUR").split(",")[1]).toBe("week_start_utc");
    expect(lines[1]).toBe(`7,"'=HYPERLINK(""x""), Inc",2,3.000000,1.000000,2.000000,1,2.000000,2.500000,-0.500000,1,0.000000,0.000000,0`);
  });
});

describe("fillPeriods", () => {
  it("lists every UTC day, Monday or month of the window, quiet ones as zero", async () => {
    const { fillPeriods } = await import("./fill-periods");
    const window = { from: new Date("2026-02-26T00:00:00Z"), to: new Date("2026-03-03T00:00:00Z") };
    const row = { key: "2026-02-28T00:00:00Z", label: "2026-02-28", orders: 1, revenue: "2.000000" } as never;
    const days = fillPeriods([row], window, "day");
    expect(days.map((d) => [d.label, d.orders])).toEqual([["2026-02-26", 0], ["2026-02-27", 0], ["2026-02-28", 1], ["2026-03-01", 0], ["2026-03-02", 0]]);
    expect(fillPeriods([], window, "week").map((d) => d.label)).toEqual(["2026-02-23", "2026-03-02"]);
    expect(fillPeriods([], window, "month").map((d) => d.key)).toEqual(["2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"]);
  });
});
