// The CLI operator: whoever runs `npm run panel` on the server already holds the database, so the
// pricing commands act as an admin. Audit entries name no user for it (actorId null).
import type { StaffActor } from "@/lib/admin/authorize";

export const CLI_OPERATOR: StaffActor = { id: 0, role: "admin" };

export const auditActorId = (actor: StaffActor): number | null => (actor.id > 0 ? actor.id : null);
