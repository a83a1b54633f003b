// Issue 19, item 8, over real HTTP against the production build: what a client address is.
//   - a bare `next start` hands a client's own X-Forwarded-For to the app (the reason `npm start`
//     is scripts/server.ts): the /api/v2 limit on wrong keys per address, which the app keys by
//     the address it is given, never trips while the header changes, and trips when it does not;
//   - `npm start` (the server these tests run against) uses the socket's address: the same
//     changing header from one socket is limited;
//   - with TRUSTED_PROXIES naming the socket's address, the header is believed.
// Each case connects from its own loopback address (127.0.0.x) so that its counts are its own.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { expect, test } from "@playwright/test";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
/** UNKNOWN_KEYS_PER_ADDRESS_PER_MINUTE (lib/api-v2/rate-limit.ts). */
const WRONG_KEYS_PER_MINUTE = 30;

/** POST /api/v2 with a wrong key from `localAddress`, carrying `forwardedFor`; the status. */
function postWrongKey(port: number, localAddress: string, forwardedFor: string, n: number): Promise<number> {
  const body = new URLSearchParams({ key: `rp_wrong_${Date.now()}_${n}`, action: "balance" }).toString();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        localAddress,
        method: "POST",
        path: "/api/v2",
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body), "x-forwarded-for": forwardedFor },
        agent: false,
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** Statuses of `count` wrong-key requests in a row; `forwardedFor(i)` is each one's header. */
async function wrongKeys(port: number, localAddress: string, count: number, forwardedFor: (i: number) => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push(await postWrongKey(port, localAddress, forwardedFor(i), i));
  return statuses;
}

/** A random documentation-range address prefix for this run (the e2e database is new each run, but be sure). */
const run = `${Math.floor(Math.random() * 200) + 10}`;
const changing = (block: string) => (i: number) => `203.0.${block}.${(i % 250) + 1}`;

async function startApp(command: string[], port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const app = spawn("npx", [...command, "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", IN_PROCESS_WORKER: "0", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let attempt = 0; ; attempt++) {
    const up = await fetch(`http://127.0.0.1:${port}/sign-in`).then((r) => r.ok, () => false);
    if (up) return app;
    if (app.exitCode !== null || attempt > 240) throw new Error(`${command.join(" ")} did not come up on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function stopApp(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null) return;
  const exited = new Promise((resolve) => app.on("exit", resolve));
  app.kill("SIGTERM");
  await exited;
}

test.describe.configure({ timeout: 180_000 });

test("a bare `next start` passes a client's own X-Forwarded-For to the app", async () => {
  const port = BASE_PORT + 1100;
  const app = await startApp(["next", "start"], port);
  try {
    // A new header on every request: the app sees a new address each time and never limits.
    const forged = await wrongKeys(port, "127.0.0.5", WRONG_KEYS_PER_MINUTE + 10, changing(run));
    expect(forged.every((status) => status === 200)).toBe(true);
    // The same header every time, from another socket: limited, so the header is the address the app used.
    const fixed = await wrongKeys(port, "127.0.0.6", WRONG_KEYS_PER_MINUTE + 1, () => `198.51.100.${run}`);
    expect(fixed.slice(0, WRONG_KEYS_PER_MINUTE).every((status) => status === 200)).toBe(true);
    expect(fixed.at(-1)).toBe(429);
  } finally {
    await stopApp(app);
  }
});

test("`npm start` takes the socket's address: a changing X-Forwarded-For does not escape the limit", async () => {
  const statuses = await wrongKeys(BASE_PORT, "127.0.0.2", WRONG_KEYS_PER_MINUTE + 5, changing(String(Number(run) + 1)));
  expect(statuses.slice(0, WRONG_KEYS_PER_MINUTE).every((status) => status === 200)).toBe(true);
  expect(statuses.slice(WRONG_KEYS_PER_MINUTE).every((status) => status === 429)).toBe(true);
});

test("with TRUSTED_PROXIES the named proxy's X-Forwarded-For is believed, and nobody else's", async () => {
  const port = BASE_PORT + 1200;
  const app = await startApp(["tsx", "scripts/server.ts"], port, { TRUSTED_PROXIES: "127.0.0.3, 10.0.0.0/8" });
  try {
    // Through the trusted proxy: each client is its own address (a client's forged entry sits left of the real one).
    const viaProxy = await wrongKeys(port, "127.0.0.3", WRONG_KEYS_PER_MINUTE + 10, (i) => `6.6.6.6, ${changing(String(Number(run) + 2))(i)}`);
    expect(viaProxy.every((status) => status === 200)).toBe(true);
    // From any other socket the header is ignored.
    const direct = await wrongKeys(port, "127.0.0.4", WRONG_KEYS_PER_MINUTE + 1, changing(String(Number(run) + 3)));
    expect(direct.at(-1)).toBe(429);
  } finally {
    await stopApp(app);
  }
});
