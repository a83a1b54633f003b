// The smallest valid order of each service type, for tests that order every type.
import type { AddOrderInput, ServiceListing } from "@/lib/upstream";

const lines = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);

/** An order of the listing's type with the smallest valid amounts, and the units it bills. */
export function exampleOrder(listing: ServiceListing): { input: AddOrderInput; units: number } {
  const base = { service: listing.service, link: "https://instagram.com/p/abc" };
  const quantity = listing.min;
  switch (listing.type) {
    case "Default":
      return { input: { ...base, type: "Default", quantity }, units: quantity };
    case "Package":
      return { input: { ...base, type: "Package" }, units: 1 };
    case "Custom Comments":
      return { input: { ...base, type: "Custom Comments", comments: lines(listing.min, "Nice ") }, units: listing.min };
    case "Custom Comments Package":
      return { input: { ...base, type: "Custom Comments Package", comments: lines(3, "Wow ") }, units: 3 };
    case "Mentions":
      return { input: { ...base, type: "Mentions", quantity, usernames: ["alice", "bob"] }, units: quantity };
    case "Mentions with Hashtags":
      return { input: { ...base, type: "Mentions with Hashtags", quantity, usernames: ["alice"], hashtags: ["#sun", "#sea"] }, units: quantity };
    case "Mentions Custom List":
      return { input: { ...base, type: "Mentions Custom List", usernames: lines(listing.min, "user") }, units: listing.min };
    case "Mentions Hashtag":
      return { input: { ...base, type: "Mentions Hashtag", quantity, hashtag: "#sun" }, units: quantity };
    case "Mentions User Followers":
      return { input: { ...base, type: "Mentions User Followers", quantity, username: "alice" }, units: quantity };
    case "Mentions Media Likers":
      return { input: { ...base, type: "Mentions Media Likers", quantity, media: "https://instagram.com/p/xyz" }, units: quantity };
    case "Comment Likes":
      return { input: { ...base, type: "Comment Likes", quantity, username: "alice" }, units: quantity };
    case "Poll":
      return { input: { ...base, type: "Poll", quantity, answerNumber: 2 }, units: quantity };
    case "Comment Replies":
      return { input: { ...base, type: "Comment Replies", username: "alice", comments: lines(listing.min, "Agreed ") }, units: listing.min };
    case "Subscriptions":
      return {
        input: { service: listing.service, type: "Subscriptions", username: "alice", min: listing.min, max: listing.min * 2, posts: 3, oldPosts: 1, delay: 30, expiry: "31/12/2030" },
        units: listing.min * 2 * (3 + 1),
      };
    default:
      throw new Error(`no example for ${listing.type}`);
  }
}
