// The reconciler's judgement, without I/O: given each unknown order's id window and what the
// provider answered for the unclaimed ids in it, which orders are placed (and as what), which
// were never placed, and which must wait or go to staff — with the reason in words. Wrong is
// worse than late: every rule here leaves an order alone unless the evidence is complete and
// consistent.
import { Decimal } from "@/lib/money";
import type { OrderStatusClass } from "@/lib/upstream/statuses";

/** What the provider said for one probed id that no order of ours claims. */
export type ProbeAnswer = { id: bigint; status: string; statusClass: OrderStatusClass; charge: Decimal | null; remains: number | null };

export type WindowedOrder = {
  orderId: number;
  quantity: number;
  /** What the order costs at the provider, in the provider's currency (null: not recorded). */
  expectedCharge: Decimal | null;
  /** Open bounds of the window: the last id answered before its add left, the first sent after it could no longer be in flight. */
  lower: bigint | null;
  upper: bigint | null;
  /** Unclaimed ids in the window, and how many of them were probed with a definite answer. */
  unclaimed: bigint;
  probed: number;
  /** Why the probe of this window is incomplete (a failed call, a cap), or null when every unclaimed id was answered. */
  incomplete: string | null;
  /** Another add of ours is in flight and could land in this window. */
  inFlightNeighbour: boolean;
  /** Milliseconds since the add left. */
  ageMs: number;
};

export type Verdict =
  | { orderId: number; kind: "placed"; upstreamId: bigint; answer: ProbeAnswer }
  | { orderId: number; kind: "not_placed" }
  /**
   * Nothing decided; `staff`: a person must look (with candidates when some fit), otherwise the
   * reconciler tries again later. `flag`: the reason is news for staff (not what the lost answer's flag already says).
   */
  | { orderId: number; kind: "left"; staff: boolean; flag: boolean; reason: string; candidates: bigint[] };

export type MatchOptions = {
  /** The provider's currency rate to ours, for the tolerance of a cost rounded at 6 decimals in our currency. */
  exchangeRate: Decimal;
  notPlacedAfterMs: number;
  /** Set when the provider answered an id no order of ours can hold (a control id): nothing is decided. */
  brokenProvider: string | null;
};

/** An open side (null) extends the window: an order whose window is still open above could hold any later id. */
export const inWindow = (order: Pick<WindowedOrder, "lower" | "upper">, id: bigint) => (order.lower === null || id > order.lower) && (order.upper === null || id < order.upper);

/**
 * Whether an answer's charge is this order's: quantity × rate within the provider's rounding
 * (one unit of the last decimal it printed, plus our own 6-decimal rounding of the cost). A
 * Partial is charged for what was delivered; a Canceled for nothing, with every unit remaining (or none said).
 */
export function chargeFits(order: Pick<WindowedOrder, "quantity" | "expectedCharge">, answer: ProbeAnswer, exchangeRate: Decimal): boolean {
  const { expectedCharge: expected } = order;
  if (expected === null || answer.charge === null) return false;
  const tolerance = new Decimal(10).pow(-answer.charge.decimalPlaces()).plus(new Decimal("0.000001").dividedBy(exchangeRate));
  const near = (value: Decimal) => answer.charge!.minus(value).abs().lte(tolerance);
  switch (answer.statusClass) {
    case "pending":
    case "in_progress":
    case "completed":
      return near(expected);
    case "partial":
      if (answer.remains === null || answer.remains <= 0 || answer.remains >= order.quantity) return false;
      return near(expected.times(order.quantity - answer.remains).dividedBy(order.quantity));
    case "canceled":
      // Product orders canceled out of stock say nothing of remains. Either way a canceled order is
      // refunded in full, as a not-placed one would be: the match cannot cost the customer.
      return answer.charge.isZero() && (answer.remains === null || answer.remains === order.quantity);
    default:
      return false;
  }
}

export function judgeWindows(orders: WindowedOrder[], answers: ProbeAnswer[], options: MatchOptions): Verdict[] {
  if (options.brokenProvider) {
    return orders.map((o) => ({ orderId: o.orderId, kind: "left", staff: true, flag: true, reason: options.brokenProvider!, candidates: [] }));
  }
  const fits = (o: WindowedOrder, a: ProbeAnswer) => inWindow(o, a.id) && chargeFits(o, a, options.exchangeRate);
  const answersIn = (o: WindowedOrder) => answers.filter((a) => inWindow(o, a.id));
  const verdicts = new Map<number, Verdict>();
  const taken = new Set<bigint>();

  // Consistency: a window cannot hold more orders of ours than the unknown orders that could be in it.
  const overfull = new Map<number, string>();
  for (const o of orders) {
    const found = answersIn(o).length;
    const holders = orders.filter((v) => answersIn(o).some((a) => inWindow(v, a.id))).length;
    if (found > holders) overfull.set(o.orderId, `${found} unclaimed upstream orders answer in the window, more than the ${holders} unknown order(s) that could be them: the provider may answer ids that are not ours`);
  }
  const settled = (o: WindowedOrder) => o.upper !== null && o.incomplete === null && !o.inFlightNeighbour && !overfull.has(o.orderId);

  // Assign only where the charges make it unique both ways: one candidate for the order, and no
  // other unresolved order (however incomplete its own evidence) that the candidate would fit.
  for (let changed = true; changed; ) {
    changed = false;
    for (const o of orders) {
      if (verdicts.has(o.orderId) || !settled(o)) continue;
      const candidates = answersIn(o).filter((a) => !taken.has(a.id) && fits(o, a));
      if (candidates.length !== 1) continue;
      const [answer] = candidates;
      const rivals = orders.filter((v) => v !== o && !verdicts.has(v.orderId) && fits(v, answer));
      if (rivals.length) continue;
      verdicts.set(o.orderId, { orderId: o.orderId, kind: "placed", upstreamId: answer.id, answer });
      taken.add(answer.id);
      changed = true;
    }
  }

  for (const o of orders) {
    if (verdicts.has(o.orderId)) continue;
    const left = (staff: boolean, reason: string, candidates: bigint[] = [], flag = staff) => verdicts.set(o.orderId, { orderId: o.orderId, kind: "left", staff, flag, reason, candidates });
    const open = answersIn(o).filter((a) => !taken.has(a.id));
    const candidates = open.filter((a) => fits(o, a)).map((a) => a.id);
    const strangers = open.filter((a) => !fits(o, a)).map((a) => a.id);
    if (o.upper === null) left(false, "no later order of ours is answered upstream yet: the window is still open");
    else if (o.lower === null) left(true, o.incomplete ?? "its id window has no lower bound", [], false);
    else if (overfull.has(o.orderId)) left(true, overfull.get(o.orderId)!, candidates);
    else if (o.inFlightNeighbour) left(false, "another add of ours to this provider is still in flight and could land in this window");
    else if (o.incomplete !== null) left(!o.incomplete.startsWith("probe failed"), o.incomplete, candidates);
    else if (candidates.length > 1) left(true, `${candidates.length} unclaimed upstream orders fit its charge (${candidates.join(", ")}): staff must choose`, candidates);
    else if (candidates.length === 1) left(true, `upstream order ${candidates[0]} fits its charge but also another unknown order's: staff must choose`, candidates);
    else if (strangers.length) left(true, `unclaimed upstream order(s) ${strangers.join(", ")} answer in the window but their charge does not fit: staff must check`);
    else if (o.ageMs < options.notPlacedAfterMs) left(false, "nothing of ours in the closed window yet; failed and refunded once RECONCILE_NOT_PLACED_AFTER_SECONDS have passed since its add left");
    else verdicts.set(o.orderId, { orderId: o.orderId, kind: "not_placed" });
  }
  return orders.map((o) => verdicts.get(o.orderId)!);
}
