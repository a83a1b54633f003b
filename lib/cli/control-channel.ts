// While the app owns the embedded database (PGlite is single-process), `npm run panel` cannot
// open it. The app therefore listens on a loopback port for CLI commands, and the CLI forwards
// to it. The port and a random token are written next to the database in a file only its owner
// can read: whoever can read it can read the database files anyway.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { captureOutput, type OutputLine } from "./output";

type ControlFile = { pid: number; port: number; token: string };

export function controlFilePath(pgliteDir: string): string {
  return path.join(pgliteDir, "..", `${path.basename(pgliteDir)}.control.json`);
}

/** In the app: serve forwarded commands, one at a time. */
export async function serveCliCommands(pgliteDir: string, run: (argv: string[]) => Promise<number>): Promise<() => void> {
  const token = crypto.randomBytes(32).toString("base64url");
  let queue = Promise.resolve();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > 64 * 1024) req.destroy();
      else chunks.push(chunk);
    });
    req.on("end", () => {
      const auth = Buffer.from(req.headers.authorization ?? "");
      const expected = Buffer.from(`Bearer ${token}`);
      if (req.method !== "POST" || auth.length !== expected.length || !crypto.timingSafeEqual(auth, expected)) {
        res.writeHead(403).end();
        return;
      }
      let argv: unknown;
      try {
        argv = JSON.parse(Buffer.concat(chunks).toString("utf8")).argv;
      } catch {
        argv = null;
      }
      if (!Array.isArray(argv) || !argv.every((a) => typeof a === "string")) {
        res.writeHead(400).end();
        return;
      }
      queue = queue.then(async () => {
        const { result, lines } = await captureOutput(() => run(argv as string[]).catch((e: Error) => {
          console.error(`error: ${e.message}`);
          return 1;
        }));
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ code: result, lines }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const file = controlFilePath(pgliteDir);
  const content: ControlFile = { pid: process.pid, port: (server.address() as AddressInfo).port, token };
  fs.writeFileSync(file, JSON.stringify(content), { mode: 0o600 });
  return () => {
    server.close();
    try {
      if ((JSON.parse(fs.readFileSync(file, "utf8")) as ControlFile).pid === process.pid) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  };
}

/**
 * In the CLI: when the running app owns the embedded database, run the command there.
 * Returns the exit code, or null when there is no running app to forward to.
 */
export async function forwardToRunningApp(pgliteDir: string, argv: string[]): Promise<number | null> {
  let control: ControlFile;
  try {
    control = JSON.parse(fs.readFileSync(controlFilePath(pgliteDir), "utf8"));
    process.kill(control.pid, 0);
  } catch {
    return null;
  }
  const answer = await fetch(`http://127.0.0.1:${control.port}/`, {
    method: "POST",
    headers: { authorization: `Bearer ${control.token}`, "content-type": "application/json" },
    body: JSON.stringify({ argv }),
  }).catch(() => null);
  if (!answer?.ok) return null;
  const { code, lines } = (await answer.json()) as { code: number; lines: OutputLine[] };
  for (const line of lines) (line.stream === "err" ? process.stderr : process.stdout).write(`${line.text}\n`);
  return code;
}
