import next from "eslint-config-next";

// Imports point down: app/ → components/ → lib/. Server actions live beside their feature's
// components (components/<feature>/actions/), never in app/. The one function that changes a
// balance is reachable only from lib/ledger, so every way money moves goes through the ledger.
const noAppImports = { group: ["@/app/*", "**/app/*"], message: "components/ and lib/ never import from app/: move the code beside its feature." };
const onlyLedgerChangesBalances = {
  group: ["@/lib/ledger/balance-change", "**/balance-change"],
  message: "Balances change only through lib/ledger's exported functions.",
};

const config = [
  { ignores: ["lib/db/generated/**", ".next/**", "data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  ...next,
  {
    files: ["components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "lib/ledger/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noAppImports, onlyLedgerChangesBalances] }] },
  },
  {
    // Moving orders refunds in the same SQL statement: it builds on the ledger's balance change.
    files: ["lib/orders/move-orders.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noAppImports] }] },
  },
  {
    files: ["app/**/*.{ts,tsx}", "scripts/**/*.ts", "bench/**/*.ts", "e2e/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [onlyLedgerChangesBalances] }] },
  },
];

export default config;
