// Standalone upstream panel simulator for demos and manual testing:
//   npx tsx scripts/simulator.ts --port 4010 --services 200 --seed 1 [--key K] [--balance 1000] [--speed N] [--fault add=http500 ...]
import { parseArgs } from "node:util";
import { DEFAULT_REALTIME_SPEED, parseFaultSpec, startSimulator, type Fault } from "@/lib/upstream/simulator";

const USAGE = `Usage: npm run simulator -- [options]

  --port N        port to listen on (default 4010; 0 picks a free one)
  --host H        address to bind (default 127.0.0.1)
  --services N    number of generated services (default 200)
  --products N    number of generated products (default 12)
  --seed N        seed for catalog, ids and order outcomes (default 1)
  --key K         API key the simulator accepts (default sim-key)
  --balance X     starting reseller balance, exact decimal (default 1000)
  --speed N       simulated time runs N× wall time (default ${DEFAULT_REALTIME_SPEED}: a real second is a simulated
                  minute, so orders finish within 1–3 real minutes)
  --state FILE    keep orders, balance and clock in FILE across restarts
  --others N      other customers place up to N orders before each of ours, taking the ids between ours
  --ignore-key    with --others: a broken panel whose status answers their orders to our key too
  --fault SPEC    repeatable; action=type[:arg][@probability][#times], e.g.
                    add=http500   status=latency:3000   *=rate-limit:2@0.2
                    add=create-then-drop#1   balance=error:Invalid API key
                  types: latency:ms hang http500 http502 truncated-json malformed-json
                         error:message rate-limit[:seconds] create-then-drop
  --help          show this text
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function wholeNumber(name: string, text: string | undefined, fallback: number, min = 0, max = 1_000_000): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) fail(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  return Number(text);
}

let parsed: ReturnType<typeof parseOptions>;
function parseOptions() {
  return parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      services: { type: "string" },
      products: { type: "string" },
      seed: { type: "string" },
      key: { type: "string" },
      balance: { type: "string" },
      speed: { type: "string" },
      state: { type: "string" },
      others: { type: "string" },
      "ignore-key": { type: "boolean" },
      fault: { type: "string", multiple: true },
      help: { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  });
}
try {
  parsed = parseOptions();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const { values } = parsed;
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (values.balance !== undefined && !/^\d+(\.\d+)?$/.test(values.balance)) fail(`--balance must be a decimal such as 1000 or 68.6868`);
if (values.speed !== undefined && !/^\d+(\.\d+)?$/.test(values.speed)) fail(`--speed must be a positive number`);
const speed = values.speed === undefined ? DEFAULT_REALTIME_SPEED : Number(values.speed);
if (!(speed > 0)) fail(`--speed must be a positive number`);
if (values.key !== undefined && values.key.trim() === "") fail("--key must not be empty");

const faults: Array<{ action: string; fault: Fault }> = [];
for (const spec of values.fault ?? []) {
  const fault = parseFaultSpec(spec);
  if ("error" in fault) fail(fault.error);
  faults.push(fault);
}

const simulator = await startSimulator({
  port: wholeNumber("port", values.port, 4010, 0, 65_535),
  host: values.host ?? "127.0.0.1",
  services: wholeNumber("services", values.services, 200, 1),
  products: wholeNumber("products", values.products, 12, 0),
  seed: wholeNumber("seed", values.seed, 1, 0, 2 ** 31),
  apiKey: values.key ?? "sim-key",
  balance: values.balance ?? "1000",
  clock: { realtime: true, speed },
  statePath: values.state,
  otherCustomers: values.others === undefined ? undefined : { ordersBetween: wholeNumber("others", values.others, 0, 0, 1_000), ignoreKey: values["ignore-key"] ?? false },
}).catch((error: unknown) => {
  process.stderr.write(`simulator could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
for (const { action, fault } of faults) simulator.setFault(action, fault);

process.stdout.write(
  [
    `Upstream simulator listening`,
    `  API URL: ${simulator.url}`,
    `  API key: ${simulator.apiKey}`,
    `  speed:   ${speed}× wall time (a real second is ${speed / 60} simulated minutes)`,
    ...(values.others !== undefined ? [`  others:  up to ${values.others} other customers' orders between ours${values["ignore-key"] ? " (status ignores the key)" : ""}`] : []),
    ...faults.map(({ action, fault }) => `  fault:   ${action} → ${JSON.stringify(fault)}`),
    "",
  ].join("\n"),
);

const shutdown = () => {
  void simulator.close().then(() => process.exit(0));
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
