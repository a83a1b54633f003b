// For integration tests: a real HTTP server that hands raw webhook bodies to the same handlers the
// app's route handlers call, so that the stubs' callbacks travel over real HTTP.
import http from "node:http";
import type { Db } from "@/lib/db/connection";
import { handleCryptomusWebhook } from "../cryptomus/cryptomus-webhook";
import { handleStripeWebhook } from "../stripe/stripe-webhook";
import { close, listen, readBody, sendJson } from "./http-util";

export async function startWebhookReceiver(db: Db): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    try {
      const raw = await readBody(req);
      const signature = req.headers["stripe-signature"];
      const answer =
        req.url === "/api/payments/stripe/webhook"
          ? await handleStripeWebhook(db, raw, typeof signature === "string" ? signature : null)
          : req.url === "/api/payments/cryptomus/webhook"
            ? await handleCryptomusWebhook(db, raw)
            : { status: 404, body: { error: "not found" } };
      sendJson(res, answer.status, answer.body);
    } catch (error) {
      sendJson(res, 500, { error: (error as Error).message });
    }
  });
  const url = await listen(server);
  return { url, close: () => close(server) };
}
