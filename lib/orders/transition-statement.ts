// The one-statement form of transitionOrders for a move that moves no money: the conditional
// update of one order and its event in a single statement (no interactive transaction). The
// transition table is checked the same way; a move the table gives a money effect must go
// through transitionOrders, which refunds in the same transaction.
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import type { OrderEventType } from "./order-events";
import { isListedTransition, moneyOnEntering, type OrderState, type TransitionActor } from "./state-machine";

export type OneStatementMove = {
  orderId: number;
  from: readonly OrderState[];
  to: OrderState;
  by: TransitionActor;
  /** Columns written with the new state, as `"column" = value` fragments. */
  set: Prisma.Sql[];
  /** More conditions on the order, ANDed. */
  where?: Prisma.Sql;
  event: { type: OrderEventType; message: string };
  now?: Date;
};

/** True when the order moved (and its event was written); false when it was no longer in `from`. */
export async function transitionInOneStatement(db: Db, move: OneStatementMove): Promise<boolean> {
  const unlisted = move.from.filter((state) => !isListedTransition(state, move.to, move.by));
  if (unlisted.length) throw new Error(`order transition ${unlisted.join("|")} → ${move.to} by ${move.by} is not in the transition table`);
  if (moneyOnEntering(move.to) !== "none") throw new Error(`entering ${move.to} moves money: use transitionOrders`);
  const sets = Prisma.join([Prisma.sql`state = ${move.to}::"OrderState"`, Prisma.sql`"updatedAt" = ${move.now ?? new Date()}`, ...move.set]);
  const rows = await db.$queryRaw<{ orderId: number }[]>`
    WITH moved AS (
      UPDATE "Order" SET ${sets}
      WHERE id = ${move.orderId} AND state::text = ANY(${[...move.from]}) ${move.where ? Prisma.sql`AND ${move.where}` : Prisma.empty}
      RETURNING id
    )
    INSERT INTO "OrderEvent" ("orderId", type, message) SELECT id, ${move.event.type}, ${move.event.message.slice(0, 2000)} FROM moved
    RETURNING "orderId"`;
  return rows.length > 0;
}
