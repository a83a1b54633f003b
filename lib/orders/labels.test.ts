// Order states and history in words: every state has a name (the Record is exhaustive over the
// enum), and the stored event texts never show a code to a customer.
import { describe, expect, it } from "vitest";
import { OrderState } from "@/lib/db/generated/enums";
import { LedgerKind } from "@/lib/db/generated/enums";
import { LEDGER_KIND_LABELS } from "@/lib/ledger/labels";
import { fieldLabel } from "@/lib/service-types/fields";
import { describeOrderEvent, ORDER_STATE_LABELS } from "./labels";

describe("order labels", () => {
  it("names every state and ledger kind without its code", () => {
    for (const state of Object.values(OrderState)) expect(ORDER_STATE_LABELS[state]).not.toMatch(/_/);
    for (const kind of Object.values(LedgerKind)) expect(LEDGER_KIND_LABELS[kind]).not.toMatch(/_/);
  });

  it("tells a status change in words: customers read names, staff the states and upstream's word", () => {
    expect(describeOrderEvent("status", "pending → canceled (Canceled)", "USD")).toBe("Pending → Canceled");
    expect(describeOrderEvent("status", "in_progress → partial (Partial); 40 refunded", "USD")).toBe("In progress → Partial; 40 refunded");
    expect(describeOrderEvent("status", "pending → canceled (Canceled)", "USD", "staff")).toBe("pending → canceled (upstream: Canceled)");
    expect(describeOrderEvent("status", "pending_submit → in_progress", "USD", "staff")).toBe("pending submit → in progress");
  });

  it("tells a refund by its kind and amount, with the currency", () => {
    expect(describeOrderEvent("refund", "refund_canceled 12.500000", "USD")).toBe("Refund: order canceled · $12.50");
    expect(describeOrderEvent("refund", "refund_partial 0.012345", "USD")).toBe("Refund: partial delivery · $0.012345");
    expect(describeOrderEvent("refund", "manual refund of 3.000000: goodwill", "USD")).toBe("manual refund of 3.000000: goodwill");
  });

  it("names order fields as the form does, never as code", () => {
    expect(fieldLabel("answerNumber")).toBe("Answer number");
    expect(fieldLabel("serviceId")).toBe("Service");
    expect(fieldLabel("oldPosts")).toBe("Number of old posts");
  });
});
