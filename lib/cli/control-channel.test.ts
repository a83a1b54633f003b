import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { controlFilePath, forwardToRunningApp, serveCliCommands } from "./control-channel";

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function pgliteDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "control-"));
  dirs.push(dir);
  return path.join(dir, "pglite");
}

describe("CLI commands forwarded to the app that owns the embedded database", () => {
  it("runs the command in the app, returns its exit code and prints its output in the CLI", async () => {
    const dir = pgliteDir();
    const seen: string[][] = [];
    const stop = await serveCliCommands(dir, async (argv) => {
      seen.push(argv);
      console.log("balance", argv[1]);
      console.error("a warning");
      return 3;
    });
    const file = controlFilePath(dir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const code = await forwardToRunningApp(dir, ["ledger:verify", "x"]);
    stop();
    expect(code).toBe(3);
    expect(seen).toEqual([["ledger:verify", "x"]]);
    expect(out).toHaveBeenCalledWith("balance x\n");
    expect(err).toHaveBeenCalledWith("a warning\n");
    expect(fs.existsSync(file)).toBe(false);
  });

  it("refuses a caller without the token", async () => {
    const dir = pgliteDir();
    let ran = false;
    const stop = await serveCliCommands(dir, async () => {
      ran = true;
      return 0;
    });
    const { port } = JSON.parse(fs.readFileSync(controlFilePath(dir), "utf8"));
    const res = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: JSON.stringify({ argv: ["user:list"] }), headers: { authorization: "Bearer wrong" } });
    stop();
    expect(res.status).toBe(403);
    expect(ran).toBe(false);
  });

  it("does not forward when no app is running (stale file of a dead process)", async () => {
    const dir = pgliteDir();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(controlFilePath(dir), JSON.stringify({ pid: 2 ** 22 + 12345, port: 1, token: "t" }));
    expect(await forwardToRunningApp(dir, ["user:list"])).toBeNull();
  });
});
