// Preloaded into `next start` by bench/memory.ts only (NODE_OPTIONS=--require), never part of
// the app or its build: a tiny HTTP server on its own loopback port that answers this process's
// memory after a full GC (GET /memory), or writes a heap snapshot (GET /snapshot?dir=...). It
// writes its port to $BENCH_MEMORY_PROBE_DIR/<pid>.json so that the bench can find it.
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");
const v8 = require("node:v8");

const dir = process.env.BENCH_MEMORY_PROBE_DIR;
if (dir) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://probe");
    if (typeof globalThis.gc === "function") {
      globalThis.gc();
      globalThis.gc();
    }
    let body = { pid: process.pid, argv: process.argv.slice(1, 3), ...process.memoryUsage() };
    if (url.pathname === "/snapshot") body = { ...body, snapshot: v8.writeHeapSnapshot(path.join(url.searchParams.get("dir") ?? dir, `${process.pid}-${Date.now()}.heapsnapshot`)) };
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(body));
  });
  server.unref();
  server.listen(0, "127.0.0.1", () => {
    fs.writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify({ pid: process.pid, port: server.address().port }));
  });
}
