// A tiny real HTTP server whose answers a test scripts byte for byte, for bodies the
// simulator would never produce (the seed document's examples, echoed keys, odd statuses).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedAnswer = { status?: number; body: string; headers?: Record<string, string> };
export type ScriptedUpstream = { url: string; requests: URLSearchParams[]; close(): Promise<void> };

export async function startScriptedUpstream(answer: (request: URLSearchParams) => ScriptedAnswer): Promise<ScriptedUpstream> {
  const requests: URLSearchParams[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const params = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      requests.push(params);
      const { status = 200, body, headers = {} } = answer(params);
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v2`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
