import { getDb } from "@/lib/db/connection";
import { describeSyncPass, runSyncPass } from "@/lib/jobs/run-sync-pass";
import { defineCommand } from "../command";

export default defineCommand({
  name: "sync:once",
  summary: "run one worker pass (submit interrupted orders, poll statuses, follow refills) and print what changed",
  options: { limit: { type: "string", description: "most orders to poll (default 500)" } },
  async run({ options }) {
    const limit = options.limit === undefined ? undefined : Number(options.limit);
    if (limit !== undefined && !(Number.isSafeInteger(limit) && limit > 0)) {
      console.error("--limit must be a positive whole number");
      return 2;
    }
    const lines = describeSyncPass(await runSyncPass(await getDb(), { limit }));
    console.log(lines.length ? lines.join("\n") : "Nothing to do.");
  },
});
