// Simulated refills: their own ids, Pending → In progress → Completed | Rejected.
import { createPrng } from "./prng";

export type RefillStatusText = "Pending" | "In progress" | "Completed" | "Rejected";

export type SimRefill = { id: number; orderId: number; createdAt: number; startsAt: number; endsAt: number; fate: "Completed" | "Rejected" };

export function planRefill(seed: number, id: number, orderId: number, now: number): SimRefill {
  const prng = createPrng(seed, "refill", id);
  const startsAt = now + prng.int(1, 5);
  return { id, orderId, createdAt: now, startsAt, endsAt: startsAt + prng.int(5, 30), fate: prng.chance(0.8) ? "Completed" : "Rejected" };
}

export function viewRefill(refill: SimRefill, now: number): RefillStatusText {
  if (now < refill.startsAt) return "Pending";
  if (now < refill.endsAt) return "In progress";
  return refill.fate;
}
