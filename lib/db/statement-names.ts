// Names for the statements the app sends to PostgreSQL, so that each connection parses and plans
// a statement once and then only binds and executes it (pg prepares a named statement on first
// use per connection). Parsing and planning were about 40 % of PostgreSQL's CPU under /api/v2 add
// load (perf, bench/placement.ts). The number of names is bounded: a statement text seen after
// `limit` others is sent unnamed, as before, so that statements built with varying lists
// (`IN ($1, …, $n)`) cannot fill every connection's memory on the server (a prepared statement
// with its plan is some kilobytes in each backend). DATABASE_PREPARED_STATEMENTS=0 turns it off,
// for a PgBouncer in transaction mode older than 1.21, which cannot keep named statements.
import { createHash } from "node:crypto";

export function boundedStatementNames(limit = 500): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < limit) {
      name = `s_${createHash("sha1").update(sql).digest("base64url")}`;
      names.set(sql, name);
    }
    // pg sends a statement without a name (parsed each time) when the name is undefined.
    return name as string;
  };
}
