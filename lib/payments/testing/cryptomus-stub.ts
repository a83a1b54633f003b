// A local server speaking the part of Cryptomus's merchant API the panel uses: POST /v1/payment
// (create an invoice) and POST /v1/payment/info, both checking the `merchant` and `sign` headers
// (md5(base64(raw body) + API key)), with a hosted invoice page, and that posts webhooks to each
// invoice's url_callback signed as Cryptomus does (a `sign` field over PHP's json_encode of the body).
import crypto from "node:crypto";
import http from "node:http";
import { cryptomusSign, signCryptomusWebhook } from "../cryptomus/cryptomus-sign";
import { close, escapeHtml, listen, readBody, redirect, sendHtml, sendJson } from "./http-util";

type Invoice = {
  uuid: string;
  order_id: string;
  amount: string;
  currency: string;
  payment_amount: string | null;
  payment_status: string;
  url: string;
  url_callback: string;
  url_return: string;
  url_success: string;
  additional_data: string | null;
  expired_at: number;
  is_final: boolean;
};

export type CryptomusStubOptions = { merchantId: string; apiKey: string; port?: number };
export type Delivery = { status: number; body: string };

export type CryptomusStub = {
  url: string;
  invoices: Map<string, Invoice>;
  sent: Record<string, unknown>[];
  /** The payer pays `paymentAmount` (default: exactly the invoice) and the invoice ends in `status`. */
  settle(uuid: string, status: string, paymentAmount?: string, fields?: Record<string, unknown>): Promise<Delivery>;
  /** Posts a body to the invoice's callback as is (replays, tampering). */
  deliver(uuid: string, body: Record<string, unknown>): Promise<Delivery>;
  close(): Promise<void>;
};

export async function startCryptomusStub(options: CryptomusStubOptions): Promise<CryptomusStub> {
  const invoices = new Map<string, Invoice>();
  const sent: Record<string, unknown>[] = [];
  let base = "";

  const deliver = async (uuid: string, body: Record<string, unknown>): Promise<Delivery> => {
    const invoice = invoices.get(uuid);
    if (!invoice) throw new Error(`no invoice ${uuid}`);
    const response = await fetch(invoice.url_callback, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.text() };
  };
  const settle = (uuid: string, status: string, paymentAmount?: string, fields: Record<string, unknown> = {}) => {
    const invoice = invoices.get(uuid);
    if (!invoice) throw new Error(`no invoice ${uuid}`);
    invoice.payment_status = status;
    invoice.payment_amount = paymentAmount ?? invoice.amount;
    invoice.is_final = !["check", "process", "confirm_check", "wrong_amount_waiting"].includes(status);
    const body = signCryptomusWebhook(
      {
        type: "payment",
        uuid: invoice.uuid,
        order_id: invoice.order_id,
        amount: invoice.amount,
        payment_amount: invoice.payment_amount,
        payment_amount_usd: invoice.payment_amount,
        merchant_amount: invoice.payment_amount,
        commission: "0.00",
        is_final: invoice.is_final,
        status,
        from: null,
        wallet_address_uuid: null,
        network: "tron",
        currency: invoice.currency,
        payer_currency: "USDT",
        additional_data: invoice.additional_data,
        convert: { to_currency: "USDT", commission: null, rate: "1.00000000", amount: invoice.payment_amount },
        txid: crypto.randomBytes(32).toString("hex"),
        ...fields,
      },
      options.apiKey,
    );
    sent.push(body);
    return deliver(uuid, body);
  };

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", base);
      const page = /^\/pay\/([\w-]+)(\/pay)?$/.exec(url.pathname);
      if (page) {
        const invoice = invoices.get(page[1]);
        if (!invoice) return sendJson(res, 404, { state: 1, message: "Not found" });
        if (req.method === "POST" && page[2]) {
          if (invoice.is_final) return sendHtml(res, "<p>This invoice is closed.</p>");
          await settle(invoice.uuid, "paid");
          return redirect(res, invoice.url_success);
        }
        return sendHtml(
          res,
          `<h1>Test Cryptomus invoice</h1><p data-testid="stub-amount">Pay ${escapeHtml(invoice.amount)} ${escapeHtml(invoice.currency)}</p>` +
            `<form method="post" action="/pay/${invoice.uuid}/pay"><button type="submit">Pay invoice</button></form>` +
            `<p><a href="${escapeHtml(invoice.url_return)}">Return to the shop</a></p>`,
        );
      }
      const raw = await readBody(req);
      if (req.headers.merchant !== options.merchantId || req.headers.sign !== cryptomusSign(raw, options.apiKey)) {
        return sendJson(res, 401, { state: 1, message: "You are forbidden" });
      }
      const body = JSON.parse(raw) as Record<string, unknown>;
      if (req.method === "POST" && url.pathname === "/v1/payment") {
        const errors: Record<string, string[]> = {};
        if (typeof body.amount !== "string" || !/^\d+(\.\d+)?$/.test(body.amount)) errors.amount = ["The amount field is required."];
        if (typeof body.currency !== "string") errors.currency = ["The currency field is required."];
        if (typeof body.order_id !== "string" || !/^[\w-]{1,128}$/.test(body.order_id)) errors.order_id = ["The order id field is required."];
        if (Object.keys(errors).length) return sendJson(res, 422, { state: 1, errors });
        const existing = [...invoices.values()].find((i) => i.order_id === body.order_id && !i.is_final);
        if (existing) return sendJson(res, 200, { state: 0, result: existing });
        const uuid = crypto.randomUUID();
        const invoice: Invoice = {
          uuid,
          order_id: body.order_id as string,
          amount: body.amount as string,
          currency: body.currency as string,
          payment_amount: null,
          payment_status: "check",
          url: `${base}/pay/${uuid}`,
          url_callback: String(body.url_callback ?? ""),
          url_return: String(body.url_return ?? ""),
          url_success: String(body.url_success ?? body.url_return ?? ""),
          additional_data: typeof body.additional_data === "string" ? body.additional_data : null,
          expired_at: Math.floor(Date.now() / 1000) + Number(body.lifetime ?? 3600),
          is_final: false,
        };
        invoices.set(uuid, invoice);
        return sendJson(res, 200, { state: 0, result: invoice });
      }
      if (req.method === "POST" && url.pathname === "/v1/payment/info") {
        const invoice = [...invoices.values()].find((i) => i.uuid === body.uuid || i.order_id === body.order_id);
        if (!invoice) return sendJson(res, 404, { state: 1, message: "Payment not found" });
        return sendJson(res, 200, { state: 0, result: invoice });
      }
      return sendJson(res, 404, { state: 1, message: "Not found" });
    } catch (error) {
      sendJson(res, 500, { state: 1, message: (error as Error).message });
    }
  });
  base = await listen(server, options.port);
  return { url: base, invoices, sent, settle, deliver, close: () => close(server) };
}
