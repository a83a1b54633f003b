// A ticket's state as the lists and the conversation show it.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TicketState } from "@/lib/db/generated/enums";

const LOOK: Record<TicketState, { tone: BadgeTone; label: string }> = {
  open: { tone: "amber", label: "Waiting for support" },
  answered: { tone: "green", label: "Answered" },
  closed: { tone: "slate", label: "Closed" },
};

export function TicketStateBadge({ state, staff = false }: { state: TicketState; staff?: boolean }) {
  const look = LOOK[state];
  return <Badge tone={look.tone}>{staff && state === "open" ? "Needs answer" : look.label}</Badge>;
}
