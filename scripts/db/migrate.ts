// npm run db:migrate — apply pending migrations to the configured database.
import "../load-env";
import { migrateDatabase } from "@/lib/db/migrate";
import { describeTarget, resolveDatabaseTarget } from "@/lib/db/target";

const target = resolveDatabaseTarget();
const applied = await migrateDatabase(target);
console.log(
  applied.length
    ? `Applied ${applied.length} migration(s) to ${describeTarget(target)}: ${applied.join(", ")}`
    : `${describeTarget(target)} is up to date.`,
);
