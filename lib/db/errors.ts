// Database errors that callers handle on purpose (not bugs): kept beside the connection, not in
// the domain that happened to need them first.
import { Prisma } from "@/lib/db/generated/client";

/** A unique index refused the row: someone else wrote it first (a query-builder write or raw SQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  // Raw queries report the driver's error: P2010 with PostgreSQL's 23505 underneath.
  const cause = (error.meta as { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } | undefined)?.driverAdapterError?.cause;
  return error.code === "P2010" && (cause?.originalCode === "23505" || cause?.kind === "UniqueConstraintViolation");
}
