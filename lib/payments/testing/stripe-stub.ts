// A local server speaking the part of Stripe's API the panel uses (POST /v1/checkout/sessions,
// GET /v1/checkout/sessions/:id, POST …/expire), with a hosted checkout page, and that sends
// webhooks signed exactly as Stripe does (Stripe-Signature via the SDK's generateTestHeaderString).
// Tests and the browser tests drive it; the app talks to it through STRIPE_API_BASE.
import crypto from "node:crypto";
import http from "node:http";
import Stripe from "stripe";
import { close, escapeHtml, listen, parseStripeForm, readBody, redirect, sendHtml, sendJson } from "./http-util";

type Session = {
  id: string;
  object: "checkout.session";
  mode: string;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  success_url: string;
  cancel_url: string;
  expires_at: number;
  url: string | null;
  created: number;
};

export type StripeStubOptions = { secretKey: string; webhookSecret: string; webhookUrl?: string; port?: number };
export type Delivery = { status: number; body: string };

export type StripeStub = {
  url: string;
  sessions: Map<string, Session>;
  /** Every webhook payload sent, newest last, to replay. */
  sent: { payload: string }[];
  setWebhookUrl(url: string): void;
  /** The customer pays (optionally a different amount or currency, as a tampered session would). */
  complete(sessionId: string, override?: { amount_total?: number; currency?: string }): Promise<Delivery>;
  expire(sessionId: string): Promise<Delivery>;
  refund(sessionId: string, amount?: number): Promise<Delivery>;
  dispute(sessionId: string, amount?: number): Promise<Delivery>;
  /** Delivers a payload again, freshly signed (Stripe's retries), or with a given signature header. */
  deliver(payload: string, signature?: string): Promise<Delivery>;
  close(): Promise<void>;
};

const id = (prefix: string) => `${prefix}_test_${crypto.randomBytes(12).toString("hex")}`;

export async function startStripeStub(options: StripeStubOptions): Promise<StripeStub> {
  const sessions = new Map<string, Session>();
  const byIdempotencyKey = new Map<string, string>();
  const sent: { payload: string }[] = [];
  let webhookUrl = options.webhookUrl ?? "";
  let base = "";

  const deliver = async (payload: string, signature?: string): Promise<Delivery> => {
    const header = signature ?? Stripe.webhooks.generateTestHeaderString({ payload, secret: options.webhookSecret });
    const response = await fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": header }, body: payload });
    return { status: response.status, body: await response.text() };
  };
  const emit = (type: string, object: unknown) => {
    const payload = JSON.stringify({ id: id("evt"), object: "event", api_version: "2026-10-28.endive", created: Math.floor(Date.now() / 1000), type, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object } }, null, 2);
    sent.push({ payload });
    return deliver(payload);
  };
  const charge = (s: Session, extra: Record<string, unknown>) => ({ id: id("ch"), object: "charge", amount: s.amount_total, currency: s.currency, payment_intent: s.payment_intent, paid: true, ...extra });

  const complete = (s: Session, override: { amount_total?: number; currency?: string } = {}) => {
    Object.assign(s, { status: "complete", payment_status: "paid", payment_intent: id("pi"), url: null }, override);
    return emit("checkout.session.completed", s);
  };

  const dispute = (s: Session, amount?: number) =>
    emit("charge.dispute.created", { id: id("dp"), object: "dispute", amount: amount ?? s.amount_total, currency: s.currency, charge: id("ch"), payment_intent: s.payment_intent, reason: "fraudulent", status: "needs_response" });

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", base);
      // What `stripe trigger` does for the browser tests: a dispute of the paid session that
      // carries our payment id (POST /test/disputes?payment=<id>), its webhook sent before answering.
      if (req.method === "POST" && url.pathname === "/test/disputes") {
        const s = [...sessions.values()].find((one) => one.client_reference_id === url.searchParams.get("payment") && one.payment_status === "paid");
        if (!s) return sendJson(res, 404, { error: "no paid session for that payment" });
        const delivery = await dispute(s);
        return sendJson(res, 200, { status: delivery.status });
      }
      const page = /^\/pay\/([\w]+)(\/complete)?$/.exec(url.pathname);
      if (page) {
        const s = sessions.get(page[1]);
        if (!s) return sendJson(res, 404, { error: "no such session" });
        if (req.method === "POST" && page[2]) {
          if (s.status !== "open") return sendHtml(res, "<p>This checkout is no longer open.</p>");
          await complete(s);
          return redirect(res, s.success_url.replace("{CHECKOUT_SESSION_ID}", s.id));
        }
        const amount = `${(s.amount_total / 100).toFixed(2)} ${s.currency.toUpperCase()}`;
        return sendHtml(
          res,
          `<h1>Test Stripe checkout</h1><p data-testid="stub-amount">Pay ${escapeHtml(amount)}</p>` +
            `<form method="post" action="/pay/${s.id}/complete"><button type="submit">Pay now</button></form>` +
            `<p><a href="${escapeHtml(s.cancel_url)}">Back to the shop</a></p>`,
        );
      }
      if (req.headers.authorization !== `Bearer ${options.secretKey}`) {
        return sendJson(res, 401, { error: { type: "invalid_request_error", message: "Invalid API Key provided." } });
      }
      const body = parseStripeForm(await readBody(req));
      if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
        const key = req.headers["idempotency-key"];
        const known = typeof key === "string" ? byIdempotencyKey.get(key) : undefined;
        if (known) return sendJson(res, 200, sessions.get(known));
        const item = (body.line_items as Record<string, Record<string, Record<string, string>>> | undefined)?.["0"];
        const unitAmount = Number(item?.price_data?.unit_amount);
        const currency = item?.price_data?.currency;
        if (body.mode !== "payment" || !Number.isSafeInteger(unitAmount) || unitAmount <= 0 || !currency || typeof body.success_url !== "string") {
          return sendJson(res, 400, { error: { type: "invalid_request_error", message: "Missing or invalid parameters." } });
        }
        const sessionId = id("cs");
        const s: Session = {
          id: sessionId,
          object: "checkout.session",
          mode: "payment",
          status: "open",
          payment_status: "unpaid",
          amount_total: unitAmount * Number(item?.quantity ?? 1),
          currency,
          client_reference_id: (body.client_reference_id as string) ?? null,
          customer_email: (body.customer_email as string) ?? null,
          metadata: (body.metadata as Record<string, string>) ?? {},
          payment_intent: null,
          success_url: body.success_url,
          cancel_url: String(body.cancel_url ?? body.success_url),
          expires_at: Number(body.expires_at ?? Math.floor(Date.now() / 1000) + 86_400),
          url: `${base}/pay/${sessionId}`,
          created: Math.floor(Date.now() / 1000),
        };
        sessions.set(sessionId, s);
        if (typeof key === "string") byIdempotencyKey.set(key, sessionId);
        return sendJson(res, 200, s);
      }
      const one = /^\/v1\/checkout\/sessions\/([\w]+)(\/expire)?$/.exec(url.pathname);
      const s = one ? sessions.get(one[1]) : undefined;
      if (one && !s) return sendJson(res, 404, { error: { type: "invalid_request_error", message: `No such checkout.session: '${one[1]}'` } });
      if (s && req.method === "GET" && !one![2]) return sendJson(res, 200, s);
      if (s && req.method === "POST" && one![2]) {
        if (s.status !== "open") return sendJson(res, 400, { error: { type: "invalid_request_error", message: "Only Checkout Sessions with a status in [\"open\"] can be expired." } });
        Object.assign(s, { status: "expired", url: null });
        await emit("checkout.session.expired", s);
        return sendJson(res, 200, s);
      }
      return sendJson(res, 404, { error: { type: "invalid_request_error", message: "Unrecognized request URL." } });
    } catch (error) {
      sendJson(res, 500, { error: { type: "api_error", message: (error as Error).message } });
    }
  });
  base = await listen(server, options.port);
  const get = (sessionId: string) => {
    const s = sessions.get(sessionId);
    if (!s) throw new Error(`no session ${sessionId}`);
    return s;
  };
  return {
    url: base,
    sessions,
    sent,
    setWebhookUrl: (u) => void (webhookUrl = u),
    complete: (sessionId, override) => complete(get(sessionId), override),
    expire: (sessionId) => {
      const s = get(sessionId);
      Object.assign(s, { status: "expired", url: null });
      return emit("checkout.session.expired", s);
    },
    refund: (sessionId, amount) => {
      const s = get(sessionId);
      return emit("charge.refunded", charge(s, { refunded: (amount ?? s.amount_total) === s.amount_total, amount_refunded: amount ?? s.amount_total }));
    },
    dispute: (sessionId, amount) => dispute(get(sessionId), amount),
    deliver,
    close: () => close(server),
  };
}
