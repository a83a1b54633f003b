// What `add` sends for each service type. The protocol has one action for fourteen kinds of
// order; each takes a different set of fields, and sending a field a type does not take is
// how orders end up with the wrong quantity, so the union below is exact per type.
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

export type ServiceType = AddOrderInput["type"];

export const SERVICE_TYPES: readonly ServiceType[] = [
  "Default",
  "Package",
  "Custom Comments",
  "Custom Comments Package",
  "Mentions",
  "Mentions with Hashtags",
  "Mentions Custom List",
  "Mentions Hashtag",
  "Mentions User Followers",
  "Mentions Media Likers",
  "Comment Likes",
  "Poll",
  "Comment Replies",
  "Subscriptions",
];

/** Panels spell types freely ("default", "custom comments"); null when the type is not one we can order. */
export function canonicalServiceType(type: string): ServiceType | null {
  const wanted = type.trim().toLowerCase().replace(/[\s_-]+/g, " ");
  return SERVICE_TYPES.find((known) => known.toLowerCase() === wanted) ?? null;
}

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

/** The form fields (besides key and action) for one order, or why it cannot be sent. */
export function addOrderFields(input: AddOrderInput): { ok: true; fields: FormFields } | { ok: false; message: string } {
  const service = String(input.service);
  let fields: FormFields;
  switch (input.type) {
    case "Default":
      fields = { service, link: input.link, quantity: input.quantity, runs: input.dripFeed?.runs, interval: input.dripFeed?.interval };
      break;
    case "Package":
      fields = { service, link: input.link };
      break;
    case "Custom Comments":
    case "Custom Comments Package":
      fields = { service, link: input.link, comments: lines(input.comments) };
      break;
    case "Mentions":
      fields = { service, link: input.link, quantity: input.quantity, usernames: lines(input.usernames) };
      break;
    case "Mentions with Hashtags":
      fields = { service, link: input.link, quantity: input.quantity, usernames: lines(input.usernames), hashtags: lines(input.hashtags) };
      break;
    case "Mentions Custom List":
      fields = { service, link: input.link, usernames: lines(input.usernames) };
      break;
    case "Mentions Hashtag":
      fields = { service, link: input.link, quantity: input.quantity, hashtag: input.hashtag };
      break;
    case "Mentions User Followers":
    case "Comment Likes":
      fields = { service, link: input.link, quantity: input.quantity, username: input.username };
      break;
    case "Mentions Media Likers":
      fields = { service, link: input.link, quantity: input.quantity, media: input.media };
      break;
    case "Poll":
      fields = { service, link: input.link, quantity: input.quantity, answer_number: input.answerNumber };
      break;
    case "Comment Replies":
      fields = { service, link: input.link, username: input.username, comments: lines(input.comments) };
      break;
    case "Subscriptions":
      fields = {
        service,
        username: input.username,
        min: input.min,
        max: input.max,
        posts: input.posts,
        old_posts: input.oldPosts,
        delay: input.delay,
        expiry: input.expiry,
      };
      break;
    default: {
      const unknownType: never = input;
      return { ok: false, message: `unknown service type ${JSON.stringify((unknownType as { type: unknown }).type)}` };
    }
  }
  const problem = wholeNumberProblem(fields, ["quantity", "runs", "interval", "answer_number", "min", "max", "posts", "old_posts", "delay"]);
  return problem ? { ok: false, message: problem } : { ok: true, fields };
}
