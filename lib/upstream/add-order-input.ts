// What `add` sends for each service type. The protocol has one action for fourteen kinds of
// order; each takes a different set of fields, and sending a field a type does not take is
// how orders end up with the wrong quantity, so the union below is exact per type.
import { ORDER_FIELDS } from "@/lib/service-types/fields";
import { canonicalServiceType, SERVICE_TYPES, type ServiceType } from "@/lib/service-types/names";
import { SERVICE_TYPE_TABLE } from "@/lib/service-types/service-types";
import type { FormFields } from "./transport";

type ServiceRef = { service: string | number };
/** Lists may be given as arrays; they travel one item per line. */
type LineList = string | readonly string[];

export type AddOrderInput =
  | (ServiceRef & { type: "Default"; link: string; quantity: number; dripFeed?: { runs: number; interval: number } })
  | (ServiceRef & { type: "Package"; link: string })
  | (ServiceRef & { type: "Custom Comments"; link: string; comments: LineList })
  | (ServiceRef & { type: "Custom Comments Package"; link: string; comments: LineList })
  | (ServiceRef & { type: "Mentions"; link: string; quantity: number; usernames: LineList })
  | (ServiceRef & { type: "Mentions with Hashtags"; link: string; quantity: number; usernames: LineList; hashtags: LineList })
  | (ServiceRef & { type: "Mentions Custom List"; link: string; usernames: LineList })
  | (ServiceRef & { type: "Mentions Hashtag"; link: string; quantity: number; hashtag: string })
  | (ServiceRef & { type: "Mentions User Followers"; link: string; quantity: number; username: string })
  | (ServiceRef & { type: "Mentions Media Likers"; link: string; quantity: number; media: string })
  | (ServiceRef & { type: "Comment Likes"; link: string; quantity: number; username: string })
  | (ServiceRef & { type: "Poll"; link: string; quantity: number; answerNumber: number })
  | (ServiceRef & { type: "Comment Replies"; link: string; username: string; comments: LineList })
  | (ServiceRef & {
      type: "Subscriptions";
      username: string;
      min: number;
      max: number;
      posts?: number;
      oldPosts?: number;
      /** Minutes. */
      delay: number;
      /** d/m/Y, e.g. "31/12/2026". */
      expiry: string;
    });

// The union above names every type of the list in lib/service-types/names.ts, and no other.
type SameTypes<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const everyTypeHasAnInput: SameTypes<AddOrderInput["type"], ServiceType> = true;
void everyTypeHasAnInput;

export { SERVICE_TYPES, canonicalServiceType, type ServiceType };

function lines(list: LineList): string {
  return typeof list === "string" ? list : list.join("\n");
}

/** Refuses inputs a panel would only misread (1.5 units, NaN) before anything is sent. */
function wholeNumberProblem(fields: FormFields, names: string[]): string | null {
  for (const name of names) {
    const value = fields[name];
    if (typeof value === "number" && !(Number.isSafeInteger(value) && value >= 0)) return `${name} must be a whole number ≥ 0`;
  }
  return null;
}

const WHOLE_API_FIELDS = Object.values(ORDER_FIELDS).filter((f) => f.kind === "whole").map((f) => f.api);

/**
 * The form fields (besides key and action) for one order, or why it cannot be sent: each field
 * the service-type table lists for the type, under its protocol name; drip-feed as runs/interval.
 */
export function addOrderFields(input: AddOrderInput): { ok: true; fields: FormFields } | { ok: false; message: string } {
  const spec = SERVICE_TYPE_TABLE[input.type] as (typeof SERVICE_TYPE_TABLE)[ServiceType] | undefined;
  if (!spec) return { ok: false, message: `unknown service type ${JSON.stringify((input as { type: unknown }).type)}` };
  const values = input as unknown as Record<string, string | number | LineList | undefined>;
  const fields: FormFields = { service: String(input.service) };
  for (const { field } of spec.fields) {
    const value = values[field];
    fields[ORDER_FIELDS[field].api] = ORDER_FIELDS[field].kind === "lines" && value !== undefined ? lines(value as LineList) : (value as string | number | undefined);
  }
  if (input.type === "Default" && input.dripFeed) {
    fields.runs = input.dripFeed.runs;
    fields.interval = input.dripFeed.interval;
  }
  const problem = wholeNumberProblem(fields, WHOLE_API_FIELDS);
  return problem ? { ok: false, message: problem } : { ok: true, fields };
}
