export { requestRefill, refillCooldownHours, type RequestRefillResult } from "./request-refill";
export { syncDueRefills, type RefillTally } from "./sync-refills";
