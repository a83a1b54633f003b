// What each user wants to be told, read and saved in one place. Customers choose emails about
// final order states, payments credited or rejected, ticket replies, and a balance threshold
// (exact decimal: one email when the balance falls below it, armed again once it is back);
// staff also choose owner alerts by email and a Telegram chat id for them.
import { z } from "zod";
import type { Db } from "@/lib/db/connection";
import { ZMoneyAmount } from "@/lib/ledger/schemas";
import { toLedgerString } from "@/lib/money";

export type NotificationPreferences = {
  orderFinal: boolean;
  payments: boolean;
  ticketReplies: boolean;
  lowBalanceBelow: string | null;
  ownerAlertsEmail: boolean;
  telegramChatId: string | null;
};

/** No row yet: these. */
export const DEFAULT_PREFERENCES: NotificationPreferences = {
  orderFinal: false,
  payments: true,
  ticketReplies: true,
  lowBalanceBelow: null,
  ownerAlertsEmail: true,
  telegramChatId: null,
};

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "1" || v === "true");

export const ZNotificationPreferencesInput = z.object({
  orderFinal: checkbox,
  payments: checkbox,
  ticketReplies: checkbox,
  lowBalanceBelow: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .pipe(ZMoneyAmount.nullable()),
  ownerAlertsEmail: checkbox,
  // A numeric chat id (negative for groups) or a public channel's @name, as the Bot API takes them.
  telegramChatId: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || /^-?\d{1,20}$/.test(v) || /^@[A-Za-z0-9_]{5,32}$/.test(v), "A chat id such as 123456789, or @channelname.")
    .transform((v) => (v === "" ? null : v)),
});
export type NotificationPreferencesInput = z.output<typeof ZNotificationPreferencesInput>;

export async function getPreferences(db: Db, userId: number): Promise<NotificationPreferences> {
  const row = await db.notificationPreference.findUnique({ where: { userId } });
  if (!row) return DEFAULT_PREFERENCES;
  return {
    orderFinal: row.orderFinal,
    payments: row.payments,
    ticketReplies: row.ticketReplies,
    lowBalanceBelow: row.lowBalanceBelow ? toLedgerString(row.lowBalanceBelow) : null,
    ownerAlertsEmail: row.ownerAlertsEmail,
    telegramChatId: row.telegramChatId,
  };
}

/** Staff-only fields are kept as they were when a customer saves. */
export async function savePreferences(db: Db, user: { id: number; role: string }, input: NotificationPreferencesInput): Promise<void> {
  const staff = user.role === "staff" || user.role === "admin";
  const data = {
    orderFinal: input.orderFinal,
    payments: input.payments,
    ticketReplies: input.ticketReplies,
    lowBalanceBelow: input.lowBalanceBelow,
    // A new threshold is armed afresh.
    lowBalanceNotified: false,
    ...(staff ? { ownerAlertsEmail: input.ownerAlertsEmail, telegramChatId: input.telegramChatId } : {}),
  };
  await db.notificationPreference.upsert({ where: { userId: user.id }, create: { userId: user.id, ...data }, update: data });
}
