// Every money-moving transaction goes through here so that they all share the same limits.
// Many orders from one customer queue on that customer's balance row (and on the pool); the
// default 2 s wait for a connection would turn a busy minute into refused orders.
import type * as runtime from "@prisma/client/runtime/client";
import type { Db } from "@/lib/db/connection";

export type Tx = Omit<Db, runtime.ITXClientDenyList>;

const MONEY_TX_OPTIONS = { maxWait: 60_000, timeout: 60_000 } as const;

export function moneyTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(fn, MONEY_TX_OPTIONS);
}

/** Read-only snapshot: every query inside sees the same committed state. */
export function snapshotTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(fn, { ...MONEY_TX_OPTIONS, isolationLevel: "RepeatableRead" });
}
