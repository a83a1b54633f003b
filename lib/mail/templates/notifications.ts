// The notification emails: ticket replies, final order states, payments credited or rejected, a
// balance below the customer's threshold (lib/notifications), and the owner-alert digest for
// staff (lib/alerts). None carries a credential.
import { defineTemplate } from "./define";

const why = "You get this email because of your notification settings; change them on your account page.";

export const notificationTemplates = {
  "ticket-reply": defineTemplate<{ ticketId: number; subject: string; excerpt: string; url: string }>({
    secret: false,
    render: ({ ticketId, subject, excerpt, url }) => ({
      subject: `Support answered: ${subject}`,
      greeting: "Hello,",
      paragraphs: [`Support answered your ticket #${ticketId} "${subject}":`, excerpt],
      action: { label: "Open the ticket", url },
      footer: [why],
    }),
  }),
  "order-final": defineTemplate<{ orderId: number; state: string; what: string; refund: string | null; url: string }>({
    secret: false,
    render: ({ orderId, state, what, refund, url }) => ({
      subject: `Order #${orderId} is ${state}`,
      greeting: "Hello,",
      paragraphs: [`Your order #${orderId} (${what}) is ${state}.`, ...(refund ? [`Refunded to your balance: ${refund}.`] : [])],
      action: { label: "See the order", url },
      footer: [why],
    }),
  }),
  "payment-credited": defineTemplate<{ paymentId: number; amount: string; url: string }>({
    secret: false,
    render: ({ paymentId, amount, url }) => ({
      subject: `Payment #${paymentId} credited`,
      greeting: "Hello,",
      paragraphs: [`Your payment #${paymentId} was credited: ${amount} was added to your balance.`],
      action: { label: "See your funds", url },
      footer: [why],
    }),
  }),
  "payment-rejected": defineTemplate<{ paymentId: number; reason: string; url: string }>({
    secret: false,
    render: ({ paymentId, reason, url }) => ({
      subject: `Payment #${paymentId} was not accepted`,
      greeting: "Hello,",
      paragraphs: [`Your payment #${paymentId} was rejected and nothing was credited.`, `Reason: ${reason}`],
      action: { label: "Ask support", url },
      footer: [why],
    }),
  }),
  "low-balance": defineTemplate<{ balance: string; threshold: string; url: string }>({
    secret: false,
    render: ({ balance, threshold, url }) => ({
      subject: "Your balance is running low",
      greeting: "Hello,",
      paragraphs: [`Your balance is ${balance}, below the ${threshold} you set. Orders you place need funds to start.`],
      action: { label: "Add funds", url },
      footer: ["We tell you once each time the balance falls below your threshold.", why],
    }),
  }),
  "owner-alerts": defineTemplate<{ lines: string[]; url: string }>({
    secret: false,
    render: ({ lines, url }) => ({
      subject: `Panel alerts: ${lines.length} new`,
      greeting: "Hello,",
      paragraphs: ["New since the last alert:", ...lines.map((line) => `• ${line}`)],
      action: { label: "Open the staff overview", url },
      footer: ["At most one alert email per digest window; turn them off on your account page."],
    }),
  }),
};
