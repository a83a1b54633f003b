// The protocol's service type names, and how the names panels actually send map onto them.
export const SERVICE_TYPES = [
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
] as const;

export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Panels spell types freely ("default", "custom comments"); null when the type is not one we can order. */
export function canonicalServiceType(type: string): ServiceType | null {
  const wanted = type.trim().toLowerCase().replace(/[\s_-]+/g, " ");
  return SERVICE_TYPES.find((known) => known.toLowerCase() === wanted) ?? null;
}
