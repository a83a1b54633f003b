import { defineAction, field } from "../action-definition";
import { API_ERRORS, ApiRefusal } from "../errors";
import { echoId, parseOurId, requireId, requireIdList } from "../params";
import { REFILL_STATUS_TEXT } from "../statuses";
import type { Db } from "@/lib/db/connection";

/** The customer's own refills' statuses by id; another customer's refill is simply absent. */
async function refillStatuses(db: Db, customerId: number, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.refill.findMany({ where: { userId: customerId, id: { in: ids } }, select: { id: true, state: true } });
  return new Map(rows.map((row) => [row.id, REFILL_STATUS_TEXT[row.state]]));
}

export const refillStatusAction = defineAction({
  name: "refill_status",
  summary: "Status of refills: Pending, In progress, Completed or Rejected.",
  variants: [
    { title: "one refill", fields: [field("refill")], answer: { status: "Completed" } },
    {
      title: "several refills",
      fields: [field("refills")],
      answer: [
        { refill: 701, status: "Completed" },
        { refill: 702, status: "Rejected" },
        { refill: 703, status: { error: API_ERRORS.refillNotFound } },
      ],
    },
  ],
  async handle({ db, customerId }, params) {
    if (params.has("refills")) {
      const ids = requireIdList(params, "refills");
      const statuses = await refillStatuses(db, customerId, ids.map(parseOurId).filter((id): id is number => id !== null));
      return ids.map((id) => {
        const ours = parseOurId(id);
        const status = ours === null ? undefined : statuses.get(ours);
        return { refill: echoId(id), status: status ?? { error: API_ERRORS.refillNotFound } };
      });
    }
    const id = requireId(params, "refill", API_ERRORS.refillNotFound);
    const status = (await refillStatuses(db, customerId, [id])).get(id);
    if (!status) throw new ApiRefusal(API_ERRORS.refillNotFound);
    return { status };
  },
});
