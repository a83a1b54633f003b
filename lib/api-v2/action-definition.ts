// The shape of one API action: what the endpoint dispatches to and what the documentation page
// renders. Both read the same object, so the docs cannot drift from what the endpoint accepts.
import type { Db } from "@/lib/db/connection";
import type { ApiParams } from "./params";

export type ApiContext = {
  db: Db;
  customerId: number;
  /** From the non-standard `Idempotency-Key` header, if sent. */
  idempotencyKeyHeader?: string;
};

export type ApiField = { name: string; required: boolean; description: string; example: string };

export type ApiVariant = {
  /** e.g. "one order" / "several orders"; for `add`, the service type. */
  title: string;
  fields: ApiField[];
  /** An example answer, exactly as this endpoint writes it. */
  answer: unknown;
  note?: string;
};

export type ApiActionDefinition = {
  name: string;
  summary: string;
  variants: ApiVariant[];
  /** Answers the JSON body; refuses by throwing ApiRefusal. */
  handle(context: ApiContext, params: ApiParams): Promise<unknown>;
};

export function defineAction(definition: ApiActionDefinition): ApiActionDefinition {
  return definition;
}

const FIELD_DOCS: Record<string, { description: string; example: string }> = {
  service: { description: "Service ID from `services`", example: "1" },
  link: { description: "Link to the page, post or profile", example: "https://instagram.com/p/abc" },
  quantity: { description: "Needed quantity", example: "1000" },
  runs: { description: "Drip-feed: number of runs; the order totals quantity × runs", example: "5" },
  interval: { description: "Drip-feed: minutes between runs", example: "30" },
  comments: { description: "One comment per line; the quantity is the number of lines", example: "Great post!\nLove it" },
  usernames: { description: "One username per line", example: "alice\nbob" },
  hashtags: { description: "One hashtag per line", example: "#sun\n#sea" },
  hashtag: { description: "Hashtag whose users are mentioned", example: "#sunset" },
  username: { description: "Username", example: "alice" },
  media: { description: "Link to the media whose likers are mentioned", example: "https://instagram.com/p/xyz" },
  answer_number: { description: "Number of the poll answer to vote for", example: "2" },
  min: { description: "Subscriptions: least quantity per new post", example: "100" },
  max: { description: "Subscriptions: most quantity per new post", example: "200" },
  posts: { description: "Subscriptions: number of new posts to serve (0 with old_posts for old posts only; the charge is max × (posts + old_posts) up front)", example: "10" },
  old_posts: { description: "Subscriptions: number of existing posts to serve too (charged like new ones)", example: "0" },
  delay: { description: "Subscriptions: minutes to wait after a new post (0, 5, 10, 15, 30, 60, 90 … 600)", example: "30" },
  expiry: { description: "Subscriptions: last day, dd/mm/yyyy", example: "31/12/2030" },
  order: { description: "Order ID", example: "23501" },
  orders: { description: "Order IDs separated by commas (at most 100)", example: "23501,23502,23503" },
  refill: { description: "Refill ID", example: "701" },
  refills: { description: "Refill IDs separated by commas (at most 100)", example: "701,702,703" },
  product: { description: "Product ID from `products`", example: "3" },
  require: { description: "What the product asks for (its `require` text), when it has one", example: "me@example.com" },
  idempotency_key: {
    description:
      "Optional, not part of the common protocol: a unique text per order (≤ 200 characters). Sending the same key again returns the same order instead of a new one; the same key with other fields is refused. Also accepted as the Idempotency-Key header.",
    example: "order-2026-11-29-0001",
  },
};

/** A documented field; its description and example come from the one table above. */
export function field(name: string, required = true): ApiField {
  const docs = FIELD_DOCS[name];
  if (!docs) throw new Error(`undocumented API field ${name}`);
  return { name, required, ...docs };
}
