// For tests: a Web `Request → Response` handler (our route's POST) behind a real node:http
// server on 127.0.0.1, so that clients talk to it over HTTP exactly as they would to Next.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

export type ServedHandler = { url: string; close(): Promise<void> };

function toRequest(incoming: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = incoming.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(incoming.url ?? "/", origin), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
    // Required by undici for a streamed request body.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

async function writeResponse(response: Response, incoming: IncomingMessage, outgoing: ServerResponse) {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  // A body left unread (refused as too large) makes the connection unusable for the next request.
  if (!incoming.complete) headers.connection = "close";
  outgoing.writeHead(response.status, { ...headers, "content-length": String(body.length) });
  outgoing.end(body);
}

type Handler = (request: Request) => Response | Promise<Response>;
/** A route module's exports (`{ POST, GET }`), or one handler for every method. */
export type RouteHandlers = Handler | Partial<Record<"GET" | "POST" | "PUT" | "DELETE" | "PATCH", Handler>>;

function pick(route: RouteHandlers, method: string): Handler {
  if (typeof route === "function") return route;
  // What Next answers for a method the route does not export.
  return route[method as keyof typeof route] ?? (() => new Response(null, { status: 405 }));
}

export async function serveHandler(route: RouteHandlers, path = "/api/v2"): Promise<ServedHandler> {
  let origin = "";
  const server = createServer((incoming, outgoing) => {
    Promise.resolve()
      .then(() => pick(route, incoming.method ?? "GET")(toRequest(incoming, origin)))
      .then((response) => writeResponse(response, incoming, outgoing))
      .catch((error: unknown) => {
        // Only reachable if the handler itself throws, which it must never do: make it loud.
        process.stderr.write(`serveHandler: handler threw: ${error instanceof Error ? error.stack : String(error)}\n`);
        outgoing.writeHead(500, { "content-type": "text/plain" });
        outgoing.end("handler threw");
      });
  });
  // Longer than any pause between a test's requests: with Node's default 5 s, a client reusing a
  // kept-alive socket just as the server closes it gets ECONNRESET (seen on a loaded machine).
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${path}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
