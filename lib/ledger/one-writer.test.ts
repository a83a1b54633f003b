// The "one function" claims of the code, checked: a comment that says moveOrders is the only
// writer of Order.state (or balanceChangeCtes of User.balance, movePayment of Payment.state,
// moveRefills of Refill.state, provider-client of a provider's decrypted key) is true only while
// no other source file writes it. This reads every source file the app, the worker, the CLI and
// the test fixtures run, and lists each write it finds; the database triggers (tested
// beside each table) refuse what SQL from elsewhere would try.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// bench/ is left out: benches seed 100,000 rows in bulk SQL (ledger rows with the triggers off for
// that transaction), which is no way money moves in the product.
const ROOTS = ["lib", "app", "components", "scripts", "proxy.ts", "instrumentation.ts"];

function sourceFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (fs.statSync(entry).isFile()) return /\.(ts|tsx)$/.test(entry) ? [entry] : [];
  if (entry.endsWith(`${path.sep}generated`) || entry.endsWith("node_modules")) return [];
  return fs.readdirSync(entry).flatMap((name) => sourceFiles(path.join(entry, name)));
}

const files = ROOTS.flatMap(sourceFiles)
  .filter((file) => !/\.(test|spec)\.tsx?$/.test(file))
  .map((file) => ({ file: file.split(path.sep).join("/"), text: fs.readFileSync(file, "utf8") }));

/** The text of a call starting at `start` (the index of its opening parenthesis), to its closing one. */
function callText(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(start, i + 1);
  }
  return text.slice(start);
}

/** The `data: { … }` (or `create:`/`update:` of an upsert) objects of a Prisma call's text. */
function dataObjects(call: string): string[] {
  return [...call.matchAll(/\b(data|create|update):\s*\{/g)].map((m) => {
    let depth = 0;
    const start = m.index + m[0].length - 1;
    for (let i = start; i < call.length; i++) {
      if (call[i] === "{") depth++;
      else if (call[i] === "}" && --depth === 0) return call.slice(start, i + 1);
    }
    return call.slice(start);
  });
}

/** Files with a Prisma write on `model` whose written data names `column`. */
function prismaWriters(model: string, column: string, methods = ["update", "updateMany", "updateManyAndReturn", "upsert", "create", "createMany"]): string[] {
  const call = new RegExp(`\\.${model}\\.(${methods.join("|")})\\(`, "g");
  const named = new RegExp(`\\b${column}\\s*:`);
  return files
    .filter(({ text }) => [...text.matchAll(call)].some((m) => dataObjects(callText(text, m.index + m[0].length - 1)).some((data) => named.test(data))))
    .map((f) => f.file);
}

/** Files with SQL that sets `column` of `table` in an UPDATE (or inserts the table's rows). */
function sqlWriters(pattern: RegExp): string[] {
  return files.filter(({ text }) => pattern.test(text)).map((f) => f.file);
}

describe("one writer for each state and for the balance", () => {
  it("sees the source it checks (a scan that reads nothing proves nothing)", () => {
    expect(files.length).toBeGreaterThan(300);
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(["lib/orders/move-orders.ts", "lib/ledger/balance-change.ts", "app/api/v2/route.ts"]));
    // The scanners find the writes they are about.
    expect(sqlWriters(/UPDATE\s+"Order"\s+o\s+SET\s+state\s*=/)).toEqual(["lib/orders/move-orders.ts"]);
    expect(prismaWriters("payment", "state")).toEqual(["lib/payments/move-payment.ts"]);
  });

  it("Order.state: moveOrders changes it, openChargedOrder creates the row", () => {
    expect(sqlWriters(/UPDATE\s+"Order"[^`;]*?\bSET\b[^`;]*?\bstate\s*=/)).toEqual(["lib/orders/move-orders.ts"]);
    expect(sqlWriters(/INSERT\s+INTO\s+"Order"/)).toEqual(["lib/ledger/open-charged-order.ts"]);
    expect(prismaWriters("order", "state")).toEqual([]);
  });

  it("User.balance: balanceChangeCtes writes it, with its ledger entry", () => {
    expect(sqlWriters(/UPDATE\s+"User"[^`;]*?\bSET\b[^`;]*?\bbalance\s*=/)).toEqual(["lib/ledger/balance-change.ts"]);
    expect(sqlWriters(/INSERT\s+INTO\s+"LedgerEntry"/)).toEqual(["lib/ledger/balance-change.ts"]);
    expect(prismaWriters("user", "balance")).toEqual([]);
    expect(prismaWriters("ledgerEntry", "amount")).toEqual([]);
  });

  it("Payment.state: movePayment changes it; a payment is created waiting", () => {
    expect(prismaWriters("payment", "state")).toEqual(["lib/payments/move-payment.ts"]);
    expect(sqlWriters(/UPDATE\s+"Payment"[^`;]*?\bSET\b[^`;]*?\bstate\s*=/)).toEqual([]);
    // Only applyGatewayReport moves a payment as the gateway (refunds and disputes through
    // applyReversal, which nothing else calls).
    expect(sqlWriters(/by:\s*"gateway"/)).toEqual(["lib/payments/apply-report.ts", "lib/payments/apply-reversal.ts"]);
    expect(sqlWriters(/from\s+"\.\/apply-reversal"|from\s+"@\/lib\/payments\/apply-reversal"/)).toEqual(["lib/payments/apply-report.ts"]);
  });

  it("Refill.state: moveRefills changes it; requestRefill creates the row", () => {
    expect(prismaWriters("refill", "state", ["update", "updateMany", "updateManyAndReturn", "upsert"])).toEqual(["lib/refills/move-refills.ts"]);
    expect(prismaWriters("refill", "state", ["create", "createMany"])).toEqual(["lib/refills/request-refill.ts"]);
    expect(sqlWriters(/UPDATE\s+"Refill"[^`;]*?\bSET\b[^`;]*?\bstate\s*=/)).toEqual([]);
  });

  it("a provider's API key is decrypted only where requests to it are made", () => {
    expect(files.filter(({ text }) => /decryptProviderKey\([^)]*apiKeyEncrypted/.test(text)).map((f) => f.file)).toEqual(["lib/providers/provider-client.ts"]);
  });
});
