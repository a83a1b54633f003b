import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/money";
import { chargeFits, judgeWindows, type ProbeAnswer, type WindowedOrder } from "./match";

const HOUR = 3600_000;
const options = { exchangeRate: new Decimal(1), notPlacedAfterMs: HOUR, brokenProvider: null };

function order(orderId: number, charge: string, extra: Partial<WindowedOrder> = {}): WindowedOrder {
  return {
    orderId, quantity: 1000, expectedCharge: new Decimal(charge), lower: 100n, upper: 200n,
    unclaimed: 99n, probed: 99, incomplete: null, inFlightNeighbour: false, ageMs: 2 * HOUR, ...extra,
  };
}
const answer = (id: bigint, charge: string, statusClass: ProbeAnswer["statusClass"] = "pending", remains: number | null = 1000): ProbeAnswer =>
  ({ id, status: statusClass, statusClass, charge: new Decimal(charge), remains });
const kinds = (verdicts: ReturnType<typeof judgeWindows>) => verdicts.map((v) => (v.kind === "placed" ? `placed ${v.upstreamId}` : v.kind === "left" ? `left${v.staff ? " for staff" : ""}` : v.kind));

describe("chargeFits", () => {
  const o = order(1, "0.278185");
  it("takes the provider's rounding (one unit of its last printed decimal), never more", () => {
    expect(chargeFits(o, answer(1n, "0.27819"), new Decimal(1))).toBe(true);
    expect(chargeFits(o, answer(1n, "0.27818"), new Decimal(1))).toBe(true);
    expect(chargeFits(o, answer(1n, "0.278185"), new Decimal(1))).toBe(true);
    expect(chargeFits(o, answer(1n, "0.27821"), new Decimal(1))).toBe(false);
    expect(chargeFits(o, answer(1n, "0.278188"), new Decimal(1))).toBe(false);
  });
  it("reads a Partial as charged for what was delivered, a Canceled as nothing with every unit remaining", () => {
    expect(chargeFits(order(1, "2"), answer(1n, "0.5", "partial", 750), new Decimal(1))).toBe(true);
    expect(chargeFits(order(1, "2"), answer(1n, "2", "partial", 750), new Decimal(1))).toBe(false);
    expect(chargeFits(order(1, "2"), answer(1n, "0", "canceled", 1000), new Decimal(1))).toBe(true);
    expect(chargeFits(order(1, "2"), answer(1n, "0", "canceled", 999), new Decimal(1))).toBe(false);
    expect(chargeFits(order(1, "2"), answer(1n, "0", "canceled", null), new Decimal(1))).toBe(true);
    expect(chargeFits(order(1, "2"), answer(1n, "2", "canceled", null), new Decimal(1))).toBe(false);
    expect(chargeFits(order(1, "2"), answer(1n, "2", "unknown"), new Decimal(1))).toBe(false);
    expect(chargeFits(order(1, "2", { expectedCharge: null }), answer(1n, "2"), new Decimal(1))).toBe(false);
  });
});

describe("judgeWindows", () => {
  it("places an order only when the candidate is unique both ways", () => {
    // 1 has one candidate (150), but 150 also fits 2, whose own evidence has two: nobody is placed.
    const orders = [order(1, "1.5"), order(2, "1.5")];
    expect(kinds(judgeWindows(orders, [answer(150n, "1.5")], options))).toEqual(["left for staff", "left for staff"]);
    // Charges tell them apart.
    expect(kinds(judgeWindows([order(1, "1.5"), order(2, "3")], [answer(150n, "3"), answer(160n, "1.5")], options))).toEqual(["placed 160", "placed 150"]);
  });

  it("never takes an order's only candidate when it also fits an order whose evidence is incomplete", () => {
    const incomplete = order(2, "1.5", { incomplete: "probe failed: HTTP 500", lower: 120n, upper: null });
    expect(kinds(judgeWindows([order(1, "1.5"), incomplete], [answer(150n, "1.5")], options))).toEqual(["left for staff", "left"]);
  });

  it("fails an order only when its closed window was fully probed, holds nothing of ours, and enough time has passed", () => {
    expect(kinds(judgeWindows([order(1, "1.5")], [], options))).toEqual(["not_placed"]);
    expect(kinds(judgeWindows([order(1, "1.5", { ageMs: HOUR - 1 })], [], options))).toEqual(["left"]);
    expect(kinds(judgeWindows([order(1, "1.5", { upper: null })], [], options))).toEqual(["left"]);
    expect(kinds(judgeWindows([order(1, "1.5", { incomplete: "the window holds 9000 unclaimed ids, more than RECONCILE_MAX_PROBE_IDS (5000)" })], [], options))).toEqual(["left for staff"]);
    expect(kinds(judgeWindows([order(1, "1.5", { inFlightNeighbour: true })], [], options))).toEqual(["left"]);
    // Something of ours answers that is not this order: staff look, nothing is refunded.
    expect(kinds(judgeWindows([order(1, "1.5")], [answer(150n, "9")], options))).toEqual(["left for staff"]);
    // Outside the window it is not evidence about this order.
    expect(kinds(judgeWindows([order(1, "1.5")], [answer(250n, "9")], options))).toEqual(["not_placed"]);
  });

  it("leaves everything to staff when more of ours answers than could be ours, or the provider answered a control id", () => {
    const verdicts = judgeWindows([order(1, "1.5")], [answer(150n, "1.5"), answer(151n, "2"), answer(152n, "4")], options);
    expect(verdicts).toMatchObject([{ kind: "left", staff: true, reason: expect.stringMatching(/^3 unclaimed upstream orders answer in the window, more than the 1 unknown/) }]);
    expect(judgeWindows([order(1, "1.5")], [answer(150n, "1.5")], { ...options, brokenProvider: "it may ignore the API key" })).toMatchObject([{ kind: "left", staff: true, reason: "it may ignore the API key" }]);
  });
});
