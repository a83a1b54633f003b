// `npm start`: the production app, served by Next's own request handler behind a plain Node HTTP
// server of ours, for one reason: Next hides the socket. `next start` keeps whatever
// X-Forwarded-For a client sends (and uses the socket address only when there is none), so per-IP
// limits would believe any client's claim. Here each request's client address is decided from the
// socket and TRUSTED_PROXIES (lib/http/client-address.ts) and replaces the header before Next sees
// it. Options as `next start`: -p/--port (or PORT, default 3000), -H/--hostname (default: all).
import "./load-env";
import http from "node:http";
import next from "next";
import { config } from "@/lib/config";
import { resolveClientAddress } from "@/lib/http/client-address";

function option(short: string, long: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.findIndex((arg) => arg === short || arg === long);
  return index >= 0 ? args[index + 1] : args.find((arg) => arg.startsWith(`${long}=`))?.slice(long.length + 1);
}

Object.assign(process.env, { NODE_ENV: "production" });
const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = option("-H", "--hostname");
// Read once: a wrong TRUSTED_PROXIES stops the server here, naming the setting.
const trusted = config().TRUSTED_PROXIES;

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const forwarded = req.headers["x-forwarded-for"];
  req.headers["x-forwarded-for"] = resolveClientAddress(req.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(",") : forwarded, trusted);
  handle(req, res).catch((error: unknown) => {
    console.error(`Failed to handle ${req.method} ${req.url}`, error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("Internal Server Error");
  });
});
server.listen(port, hostname, () => {
  const shown = hostname && hostname !== "0.0.0.0" ? hostname : "localhost";
  console.log(`Ready on http://${shown}:${port}${trusted.length ? ` (trusting X-Forwarded-For from ${trusted.length} proxy entr${trusted.length === 1 ? "y" : "ies"})` : ""}`);
});

const stop = () => {
  server.close();
  void app.close().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
