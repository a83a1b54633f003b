// The simulator's generated catalog: every service type, the platforms real panels sell, and
// the variety of rates, limits and flags a client has to cope with.
import { Decimal } from "@/lib/money";
import { SERVICE_TYPES, type ServiceType } from "../add-order-input";
import { createPrng, type Prng } from "./prng";

export type SimService = {
  id: number;
  name: string;
  type: ServiceType;
  category: string;
  /** Per 1000 units; for the two package types, the price of one package. */
  rate: Decimal;
  min: number;
  max: number;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
  description: string | null;
};

export type SimProduct = {
  id: number;
  name: string;
  require: string | null;
  /** Per unit. */
  rate: Decimal;
  min: number;
  max: number;
  category: string;
  /** Auto products deliver from stock; null for Service products, which have none. */
  inventory: number | null;
  type: "Auto" | "Service";
  /** Service products can be out of stock without an inventory count. */
  outOfStock: boolean;
};

const PLATFORMS: ReadonlyArray<{ category: string; nouns: readonly string[] }> = [
  { category: "Instagram", nouns: ["Followers", "Likes", "Views", "Story Views", "Saves"] },
  { category: "Youtube", nouns: ["Views", "Likes", "Subscribers", "Watch Time"] },
  { category: "Facebook", nouns: ["Page Likes", "Post Likes", "Followers", "Video Views"] },
  { category: "TikTok", nouns: ["Followers", "Likes", "Views", "Shares"] },
  { category: "Telegram", nouns: ["Members", "Post Views", "Reactions"] },
  { category: "Twitter", nouns: ["Followers", "Likes", "Retweets", "Impressions"] },
  { category: "Spotify", nouns: ["Plays", "Followers"] },
  { category: "Twitch", nouns: ["Followers", "Live Viewers"] },
];

const TAGS = ["Refill 30D", "No Refill", "Max 50K", "Real", "HQ", "Instant", "Non Drop", "Cheapest"];

/** Where each special type is sold, and how it is named. */
const TYPE_NAMING: Record<Exclude<ServiceType, "Default">, { categories: readonly string[]; name: string }> = {
  Package: { categories: ["Instagram", "Youtube", "TikTok"], name: "Growth Package" },
  "Custom Comments": { categories: ["Instagram", "Facebook", "Youtube", "TikTok"], name: "Custom Comments" },
  "Custom Comments Package": { categories: ["Instagram", "Youtube"], name: "Custom Comments Package [10 comments]" },
  Mentions: { categories: ["Instagram"], name: "Mentions" },
  "Mentions with Hashtags": { categories: ["Instagram"], name: "Mentions [Hashtags]" },
  "Mentions Custom List": { categories: ["Instagram"], name: "Mentions [Custom List]" },
  "Mentions Hashtag": { categories: ["Instagram"], name: "Mentions [Hashtag Users]" },
  "Mentions User Followers": { categories: ["Instagram"], name: "Mentions [User Followers]" },
  "Mentions Media Likers": { categories: ["Instagram"], name: "Mentions [Media Likers]" },
  "Comment Likes": { categories: ["Instagram", "Youtube", "TikTok"], name: "Comment Likes" },
  Poll: { categories: ["Twitter", "Telegram", "Instagram"], name: "Poll Votes" },
  "Comment Replies": { categories: ["Instagram", "Youtube"], name: "Comment Replies" },
  Subscriptions: { categories: ["Instagram", "TikTok"], name: "Auto Likes Subscription" },
};

/** Rates with up to 5 decimals; some round, as panels price them. */
function generateRate(prng: Prng, maxUnits: number): Decimal {
  const units = new Decimal(prng.int(100, maxUnits)).dividedBy(100_000);
  if (prng.chance(0.1)) return units.ceil();
  if (prng.chance(0.3)) return units.toDecimalPlaces(2, Decimal.ROUND_UP);
  return units;
}

function generateLimits(prng: Prng, type: ServiceType): { min: number; max: number } {
  if (type === "Package" || type === "Custom Comments Package") return { min: 1, max: 1 };
  if (type === "Custom Comments" || type === "Comment Replies" || type === "Mentions Custom List") {
    return { min: prng.pick([1, 5, 10]), max: prng.pick([500, 1000, 1500]) };
  }
  const min = prng.pick([10, 20, 50, 100, 200, 500, 1000]);
  const max = Math.max(min * 10, prng.pick([5_000, 10_000, 50_000, 100_000, 1_000_000]));
  return { min, max };
}

function serviceTypeAt(index: number, prng: Prng): ServiceType {
  // The first entries cover every type once so that even a small catalog is complete.
  if (index < SERVICE_TYPES.length) return SERVICE_TYPES[index];
  return prng.chance(0.8) ? "Default" : prng.pick(SERVICE_TYPES);
}

export function generateServices(seed: number, count: number): SimService[] {
  const prng = createPrng(seed, "services");
  const services: SimService[] = [];
  let id = prng.int(1, 40);
  for (let index = 0; index < count; index++) {
    const type = serviceTypeAt(index, prng);
    const platform = prng.pick(PLATFORMS);
    const naming = type === "Default" ? null : TYPE_NAMING[type];
    const category = naming ? prng.pick(naming.categories) : platform.category;
    const name = naming ? `${category} ${naming.name}` : `${category} ${prng.pick(platform.nouns)} [${prng.pick(TAGS)}]`;
    const refillable = type === "Default" || type === "Comment Likes" || type === "Mentions User Followers";
    services.push({
      id,
      name,
      type,
      category,
      rate: generateRate(prng, type === "Package" || type === "Custom Comments Package" ? 2_000_000 : 3_000_000),
      ...generateLimits(prng, type),
      refill: refillable && prng.chance(0.5),
      cancel: prng.chance(0.4),
      dripfeed: type === "Default" && prng.chance(0.35),
      description: prng.chance(0.3) ? `Start: 0-${prng.int(1, 6)}h, Speed: ${prng.int(1, 50)}K/day` : null,
    });
    id += prng.chance(0.3) ? prng.int(2, 40) : 1;
  }
  return services;
}

const PRODUCT_KINDS: ReadonlyArray<{ name: string; category: string; type: "Auto" | "Service"; require: string | null }> = [
  { name: "Netflix premium 1 month", category: "Netflix", type: "Auto", require: null },
  { name: "Youtube premium 1 month", category: "Youtube", type: "Service", require: "Input your account" },
  { name: "Facebook account 5000 friends", category: "Facebook", type: "Auto", require: null },
  { name: "Gmail account aged 1 year", category: "Gmail", type: "Auto", require: null },
  { name: "Spotify premium 3 months", category: "Spotify", type: "Service", require: "Input your email" },
  { name: "Instagram account 1K followers", category: "Instagram", type: "Auto", require: null },
  { name: "Telegram premium 1 month", category: "Telegram", type: "Service", require: "Input your username" },
  { name: "TikTok account verified email", category: "TikTok", type: "Auto", require: null },
];

export function generateProducts(seed: number, count: number): SimProduct[] {
  const prng = createPrng(seed, "products");
  const products: SimProduct[] = [];
  for (let index = 0; index < count; index++) {
    const kind = PRODUCT_KINDS[index % PRODUCT_KINDS.length];
    const round = Math.floor(index / PRODUCT_KINDS.length);
    const max = prng.pick([1, 5, 10, 20]);
    // A few Auto products are sold out, and one Service product is too, so both paths exist.
    const soldOut = kind.type === "Auto" ? index % 4 === 2 : index === 4;
    products.push({
      id: index + 1,
      name: round === 0 ? kind.name : `${kind.name} #${round + 1}`,
      require: kind.require,
      rate: new Decimal(prng.int(10, 2_000)).dividedBy(prng.pick([10, 100])),
      min: 1,
      max,
      category: kind.category,
      inventory: kind.type === "Auto" ? (soldOut ? 0 : prng.int(3, 60)) : null,
      type: kind.type,
      outOfStock: soldOut,
    });
  }
  return products;
}
