// npm test: every suite — unit and integration tests (vitest, real PostgreSQL, the upstream
// simulator over HTTP), then the browser tests (Playwright, Debian's Chromium, production build).
// Ends with one line "N passed, N failed" and a non-zero exit when anything failed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { runE2e } from "./run-e2e";

type Count = { passed: number; failed: number; skipped: number };

function readVitest(file: string): Count | null {
  if (!fs.existsSync(file)) return null;
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  return { passed: r.numPassedTests, failed: r.numFailedTests + (r.success === false && !r.numFailedTests ? 1 : 0), skipped: r.numPendingTests + r.numTodoTests };
}

function readPlaywright(file: string): Count | null {
  if (!fs.existsSync(file)) return null;
  const s = JSON.parse(fs.readFileSync(file, "utf8")).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

fs.rmSync("test-results", { recursive: true, force: true });
fs.mkdirSync("test-results", { recursive: true });

console.log("== Unit and integration tests (vitest) ==");
const vitest = spawnSync(
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest-report.json"],
  { stdio: "inherit" },
);
const unit = readVitest("test-results/vitest-report.json") ?? { passed: 0, failed: 1, skipped: 0 };
if (vitest.status !== 0 && unit.failed === 0) unit.failed = 1;

console.log("\n== Browser tests (Playwright, Chromium) ==");
let e2eStatus = 1;
try {
  e2eStatus = await runE2e();
} catch (error) {
  console.error(error);
}
const e2e = readPlaywright("test-results/e2e-report.json") ?? { passed: 0, failed: 1, skipped: 0 };
if (e2eStatus !== 0 && e2e.failed === 0) e2e.failed = 1;

const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed;
const skipped = unit.skipped + e2e.skipped;
console.log(`\nvitest: ${unit.passed} passed, ${unit.failed} failed; playwright: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exitCode = failed ? 1 : 0;
