// Reading tickets. Lists are keyset pages (newest activity first, then id), so page 500 costs what
// page 1 does; a customer's queries always filter by their id, so another customer's ticket is
// simply "not found". Opening a ticket marks it read for its side.
import { assertStaff, type StaffActor } from "@/lib/admin/authorize";
import type { Db } from "@/lib/db/connection";
import type { Prisma } from "@/lib/db/generated/client";
import type { TicketKind, TicketState } from "@/lib/db/generated/enums";

export const TICKET_PAGE_SIZE = 25;
export const TICKET_STATES: TicketState[] = ["open", "answered", "closed"];

export type TicketRow = {
  id: number;
  subject: string;
  kind: TicketKind;
  state: TicketState;
  lastMessageAt: Date;
  unreadByCustomer: boolean;
  customerEmail?: string;
};
export type TicketPage = { tickets: TicketRow[]; nextCursor: string | null };

/** "<lastMessageAt ms>.<id>": where the next page starts. */
function parseCursor(cursor: string | null | undefined): { at: Date; id: number } | null {
  const match = /^(\d{1,15})\.(\d{1,9})$/.exec(cursor ?? "");
  return match ? { at: new Date(Number(match[1])), id: Number(match[2]) } : null;
}

const cursorOf = (row: { lastMessageAt: Date; id: number }) => `${row.lastMessageAt.getTime()}.${row.id}`;

function after(cursor: string | null | undefined): Prisma.TicketWhereInput {
  const c = parseCursor(cursor);
  return c ? { OR: [{ lastMessageAt: { lt: c.at } }, { lastMessageAt: c.at, id: { lt: c.id } }] } : {};
}

const ROW_SELECT = { id: true, subject: true, kind: true, state: true, lastMessageAt: true, unreadByCustomer: true } as const;

async function page(db: Db, where: Prisma.TicketWhereInput, withEmail: boolean): Promise<TicketPage> {
  const rows = await db.ticket.findMany({
    where,
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: TICKET_PAGE_SIZE + 1,
    select: { ...ROW_SELECT, ...(withEmail ? { user: { select: { email: true } } } : {}) },
  });
  const more = rows.length > TICKET_PAGE_SIZE;
  const shown = rows.slice(0, TICKET_PAGE_SIZE).map(({ user, ...row }: (typeof rows)[number] & { user?: { email: string } }) => ({
    ...row,
    ...(user ? { customerEmail: user.email } : {}),
  }));
  return { tickets: shown, nextCursor: more ? cursorOf(shown.at(-1)!) : null };
}

export function listCustomerTickets(db: Db, customerId: number, cursor?: string | null): Promise<TicketPage> {
  return page(db, { userId: customerId, ...after(cursor) }, false);
}

export async function listStaffTickets(db: Db, actor: StaffActor, filter: { state?: TicketState | null; cursor?: string | null }): Promise<TicketPage> {
  assertStaff(actor);
  return page(db, { ...(filter.state ? { state: filter.state } : {}), ...after(filter.cursor) }, true);
}

export type TicketMessageView = { id: number; body: string; fromStaff: boolean; author: string; createdAt: Date };
export type TicketView = {
  id: number;
  subject: string;
  kind: TicketKind;
  state: TicketState;
  orderIds: number[];
  paymentId: number | null;
  createdAt: Date;
  customerEmail: string;
  messages: TicketMessageView[];
};

/** The messages of one conversation; tickets stay short, but a cap keeps a runaway one bounded. */
const MAX_MESSAGES = 500;

async function view(db: Db, where: Prisma.TicketWhereInput, side: "customer" | "staff"): Promise<TicketView | null> {
  const ticket = await db.ticket.findFirst({
    where,
    select: {
      id: true, subject: true, kind: true, state: true, orderIds: true, paymentId: true, createdAt: true,
      user: { select: { email: true } },
      messages: {
        orderBy: { id: "asc" },
        take: MAX_MESSAGES,
        select: { id: true, body: true, fromStaff: true, createdAt: true, author: { select: { email: true, role: true } } },
      },
    },
  });
  if (!ticket) return null;
  const { user, messages, ...rest } = ticket;
  return {
    ...rest,
    customerEmail: user.email,
    messages: messages.map((m) => ({
      id: m.id,
      body: m.body,
      fromStaff: m.fromStaff,
      createdAt: m.createdAt,
      // Customers see "Support" for every staff member; staff see who wrote.
      author: !m.fromStaff ? (side === "staff" ? (m.author?.email ?? "customer") : "You") : !m.author ? "Panel (automatic)" : side === "staff" ? m.author.email : "Support",
    })),
  };
}

/** `wasUnread`: this read marked a staff answer read (the page then refreshes the header's count). */
export async function getCustomerTicket(db: Db, customerId: number, ticketId: number): Promise<(TicketView & { wasUnread: boolean }) | null> {
  if (!Number.isSafeInteger(ticketId)) return null;
  const found = await view(db, { id: ticketId, userId: customerId }, "customer");
  if (!found) return null;
  const marked = await db.ticket.updateMany({ where: { id: ticketId, userId: customerId, unreadByCustomer: true }, data: { unreadByCustomer: false } });
  return { ...found, wasUnread: marked.count > 0 };
}

export async function getStaffTicket(db: Db, actor: StaffActor, ticketId: number): Promise<TicketView | null> {
  assertStaff(actor);
  if (!Number.isSafeInteger(ticketId)) return null;
  return view(db, { id: ticketId }, "staff");
}

/** The header's number: a customer's tickets with a staff message not yet opened. */
export function customerUnreadCount(db: Db, customerId: number): Promise<number> {
  return db.ticket.count({ where: { userId: customerId, unreadByCustomer: true } });
}

/** The header's number for staff: tickets waiting for a staff answer. */
export async function staffWaitingCount(db: Db, actor: StaffActor): Promise<number> {
  assertStaff(actor);
  return db.ticket.count({ where: { state: "open" } });
}
