// Every field an order can carry, once: its name in our inputs, its name in the protocol's `add`,
// what kind of value it holds, and how it is labelled for people. The per-type table
// (service-types.ts) says which of these each service type takes.

export type OrderField =
  | "link" | "quantity" | "runs" | "interval" | "comments" | "usernames" | "hashtags" | "hashtag" | "username"
  | "media" | "answerNumber" | "min" | "max" | "posts" | "oldPosts" | "delay" | "expiry";

/** text: one line; lines: one item per line (sent joined by newlines); whole: a whole number. */
export type FieldKind = "text" | "lines" | "whole";

export type OrderFieldSpec = {
  /** The field's name in the protocol (PROTOCOL.md `add`). */
  api: string;
  kind: FieldKind;
  /** Longest accepted text (text and lines fields). */
  maxLength?: number;
  label: string;
  hint?: string;
  /** What a person is asked to enter ("Enter the …"). */
  what: string;
};

export const ORDER_FIELDS = {
  link: { api: "link", kind: "text", maxLength: 2000, label: "Link", hint: "The full https:// link to the post, video or profile.", what: "link" },
  quantity: { api: "quantity", kind: "whole", label: "Quantity", what: "quantity" },
  runs: { api: "runs", kind: "whole", label: "Drip-feed runs", hint: "Deliver the quantity this many times; the total is runs × quantity.", what: "number of runs" },
  interval: { api: "interval", kind: "whole", label: "Interval in minutes", hint: "Minutes between two runs.", what: "interval" },
  comments: { api: "comments", kind: "lines", maxLength: 100_000, label: "Comments", hint: "One comment per line; the quantity is the number of lines.", what: "comments" },
  usernames: { api: "usernames", kind: "lines", maxLength: 100_000, label: "Usernames", hint: "One per line.", what: "usernames" },
  hashtags: { api: "hashtags", kind: "lines", maxLength: 100_000, label: "Hashtags", hint: "One per line.", what: "hashtags" },
  hashtag: { api: "hashtag", kind: "text", maxLength: 200, label: "Hashtag", what: "hashtag" },
  username: { api: "username", kind: "text", maxLength: 200, label: "Username", what: "username" },
  media: { api: "media", kind: "text", maxLength: 2000, label: "Media link", what: "media link" },
  answerNumber: { api: "answer_number", kind: "whole", label: "Answer number", what: "answer number" },
  min: { api: "min", kind: "whole", label: "Minimum per post", what: "minimum per post" },
  max: { api: "max", kind: "whole", label: "Maximum per post", what: "maximum per post" },
  posts: { api: "posts", kind: "whole", label: "Number of new posts", what: "number of new posts" },
  oldPosts: { api: "old_posts", kind: "whole", label: "Number of old posts", what: "number of old posts" },
  delay: { api: "delay", kind: "whole", label: "Delay in minutes", hint: "0, 5, 10, 15, 30, 60, 90 … 600", what: "delay" },
  expiry: { api: "expiry", kind: "text", maxLength: 10, label: "Expiry", hint: "dd/mm/yyyy", what: "expiry date (dd/mm/yyyy)" },
} as const satisfies Record<OrderField, OrderFieldSpec>;

/** The fields that hold whole numbers. */
export type WholeOrderField = { [F in OrderField]: (typeof ORDER_FIELDS)[F]["kind"] extends "whole" ? F : never }[OrderField];

export const ORDER_FIELD_NAMES = Object.keys(ORDER_FIELDS) as OrderField[];

/** A field's name for people ("answerNumber" → "Answer number"), for messages that name a field; unknown names are returned as they are. */
export function fieldLabel(field: string): string {
  if (field === "serviceId") return "Service";
  return field in ORDER_FIELDS ? ORDER_FIELDS[field as OrderField].label : field;
}
