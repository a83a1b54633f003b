// The one function that changes Refill.state after creation: a conditional update (WHERE state IN
// from) checked against the transition table (./refill-states.ts, mirrored by the database
// trigger). Refills move no money, so this is all a move is. A `to` that is one of `from` only
// writes the columns for refills already there. lib/ledger/one-writer.test.ts checks that nothing
// else in the source writes Refill.state.
import type { Db } from "@/lib/db/connection";
import type { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/ledger/transaction";
import { isListedRefillTransition, type RefillActor, type RefillState } from "./refill-states";

export type RefillMove = {
  /** Which refills; the state condition is added from `from`. */
  where: Prisma.RefillWhereInput;
  from: RefillState | readonly RefillState[];
  to: RefillState;
  by: RefillActor;
  data?: Omit<Prisma.RefillUpdateManyMutationInput, "state">;
};

/** How many refills moved (or, already in `to`, had their columns written). */
export async function moveRefills(db: Db | Tx, move: RefillMove): Promise<number> {
  const from = typeof move.from === "string" ? [move.from] : [...move.from];
  const unlisted = from.filter((state) => state !== move.to && !isListedRefillTransition(state, move.to, move.by));
  if (unlisted.length) throw new Error(`refill transition ${unlisted.join("|")} → ${move.to} by ${move.by} is not in the transition table`);
  const moved = await db.refill.updateMany({ where: { AND: [move.where, { state: { in: from } }] }, data: { ...move.data, state: move.to } });
  return moved.count;
}
