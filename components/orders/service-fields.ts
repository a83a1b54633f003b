// Which inputs the order form shows for each service type (PROTOCOL.md's `add` fields).
import { canonicalServiceType, type ServiceType } from "@/lib/upstream/add-order-input";

export type OrderField =
  | "link" | "quantity" | "runs" | "interval" | "comments" | "usernames" | "hashtags" | "hashtag" | "username"
  | "media" | "answerNumber" | "min" | "max" | "posts" | "oldPosts" | "delay" | "expiry";

const FIELDS: Record<ServiceType, OrderField[]> = {
  Default: ["link", "quantity"],
  Package: ["link"],
  "Custom Comments": ["link", "comments"],
  "Custom Comments Package": ["link", "comments"],
  Mentions: ["link", "quantity", "usernames"],
  "Mentions with Hashtags": ["link", "quantity", "usernames", "hashtags"],
  "Mentions Custom List": ["link", "usernames"],
  "Mentions Hashtag": ["link", "quantity", "hashtag"],
  "Mentions User Followers": ["link", "quantity", "username"],
  "Mentions Media Likers": ["link", "quantity", "media"],
  "Comment Likes": ["link", "quantity", "username"],
  Poll: ["link", "quantity", "answerNumber"],
  "Comment Replies": ["link", "username", "comments"],
  Subscriptions: ["username", "min", "max", "posts", "oldPosts", "delay", "expiry"],
};

export function fieldsForService(service: { type: string; dripfeed: boolean }): OrderField[] {
  const type = canonicalServiceType(service.type);
  if (!type) return [];
  const fields = FIELDS[type];
  return type === "Default" && service.dripfeed ? [...fields, "runs", "interval"] : fields;
}

export const FIELD_LABELS: Record<OrderField, { label: string; hint?: string; multiline?: boolean; numeric?: boolean }> = {
  link: { label: "Link", hint: "The full https:// link to the post, video or profile." },
  quantity: { label: "Quantity", numeric: true },
  runs: { label: "Drip-feed runs (optional)", hint: "Deliver the quantity this many times; the total is runs × quantity.", numeric: true },
  interval: { label: "Interval in minutes (optional)", hint: "Minutes between two runs.", numeric: true },
  comments: { label: "Comments", hint: "One comment per line; the quantity is the number of lines.", multiline: true },
  usernames: { label: "Usernames", hint: "One per line.", multiline: true },
  hashtags: { label: "Hashtags", hint: "One per line.", multiline: true },
  hashtag: { label: "Hashtag" },
  username: { label: "Username" },
  media: { label: "Media link" },
  answerNumber: { label: "Answer number", numeric: true },
  min: { label: "Minimum per post", numeric: true },
  max: { label: "Maximum per post", numeric: true },
  posts: { label: "Number of new posts (optional)", numeric: true },
  oldPosts: { label: "Number of old posts (optional)", numeric: true },
  delay: { label: "Delay in minutes", hint: "0, 5, 10, 15, 30, 60, 90 … 600", numeric: true },
  expiry: { label: "Expiry (optional)", hint: "dd/mm/yyyy" },
};
