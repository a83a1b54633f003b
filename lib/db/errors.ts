// Database errors that callers handle on purpose (not bugs): kept beside the connection, not in
// the domain that happened to need them first.
import { Prisma } from "@/lib/db/generated/client";

/** A unique index refused the row: someone else wrote it first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
