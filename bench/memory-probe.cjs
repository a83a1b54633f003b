// Preloaded into `next start` by bench/memory.ts only (NODE_OPTIONS=--require), never part of
// the app or its build: a tiny HTTP server on its own loopback port that answers this process's
// memory after a full GC (GET /memory; GET /maps adds what the resident memory is made of), its
// resident size without GC (GET /rss), or writes a heap snapshot (GET /snapshot?dir=...). It
// writes its port to $BENCH_MEMORY_PROBE_DIR/<pid>.json so that the bench can find it.
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");
const v8 = require("node:v8");

/** Resident memory by mapping (file name, or [heap]/[anon]), largest first: what the RSS is made of. */
function largestMappings() {
  const totals = new Map();
  let name = "";
  for (const row of fs.readFileSync("/proc/self/smaps", "utf8").split("\n")) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(row);
    if (head) name = head[1] || "[anon]";
    else if (row.startsWith("Rss:")) totals.set(name, (totals.get(name) ?? 0) + Number(row.split(/\s+/)[1]));
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([file, kb]) => `${(kb / 1024).toFixed(1)} MB ${file}`);
}

const dir = process.env.BENCH_MEMORY_PROBE_DIR;
if (dir) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://probe");
    const answer = (body) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(body));
    };
    // Resident size as it is, no GC: the bench samples it during load for the peak.
    if (url.pathname === "/rss") return answer({ pid: process.pid, rss: process.memoryUsage.rss() });
    if (typeof globalThis.gc === "function") {
      globalThis.gc();
      globalThis.gc();
    }
    // V8 hands the pages a GC freed back to the system on a background thread, a moment later:
    // read after it has.
    setTimeout(() => {
      let body = { pid: process.pid, argv: process.argv.slice(1, 3), ...process.memoryUsage() };
      if (url.pathname === "/maps") body = { ...body, maps: largestMappings() };
      if (url.pathname === "/snapshot") body = { ...body, snapshot: v8.writeHeapSnapshot(path.join(url.searchParams.get("dir") ?? dir, `${process.pid}-${Date.now()}.heapsnapshot`)) };
      answer(body);
    }, 1000);
  });
  server.unref();
  server.listen(0, "127.0.0.1", () => {
    fs.writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify({ pid: process.pid, port: server.address().port }));
  });
}
