import "server-only";
// The account's own time zone (the account page's setting): an IANA zone this runtime knows, or
// null to follow the browser's. Pages read it through the session (lib/time/display-zone.ts).
import { z } from "zod";
import type { Db } from "@/lib/db/connection";
import { isTimeZone } from "@/lib/time/format";
import { fieldRefusal, ok, type Result } from "@/lib/result";

/** "" (the form's "Browser's zone") means null. */
export const ZTimeZoneInput = z.object({ timeZone: z.string().trim().max(64) });
export type TimeZoneInput = z.output<typeof ZTimeZoneInput>;

export async function setTimeZone(db: Db, userId: number, { timeZone }: TimeZoneInput): Promise<Result<{ timeZone: string | null }>> {
  if (timeZone && !isTimeZone(timeZone)) return fieldRefusal("invalid_value", "timeZone", "Choose a time zone from the list.");
  const saved = timeZone || null;
  await db.user.update({ where: { id: userId }, data: { timeZone: saved } });
  return ok({ timeZone: saved });
}
