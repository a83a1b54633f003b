import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/money";
import type { UpstreamClient } from "@/lib/upstream/client";
import type { BatchItemError, OrderStatus, UpstreamResult } from "@/lib/upstream/types";
import { probeIds } from "./probe";

type Answer = (id: string) => OrderStatus | BatchItemError | undefined;
const status = (charge: string): OrderStatus => ({ charge: new Decimal(charge), startCount: 0, status: "Pending", statusClass: "pending", remains: 100, currency: "USD" });
const absent: BatchItemError = { error: "Incorrect order ID", kind: "definite" };

/** A provider as the client sees it: each multi-status call answered id by id; `calls` counts them. */
function provider(answer: Answer | UpstreamResult<never>) {
  const asked: string[][] = [];
  const client = {
    async statuses(ids: readonly (string | number)[]) {
      asked.push(ids.map(String));
      if (typeof answer !== "function") return answer;
      const items = new Map<string, OrderStatus | BatchItemError>();
      for (const id of ids.map(String)) {
        const item = answer(id);
        if (item) items.set(id, item);
      }
      return { ok: true as const, value: items };
    },
  } as unknown as UpstreamClient;
  return { client, asked };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => BigInt(from + i));

describe("probeIds", () => {
  it("asks 100 ids a call, controls first, and sorts ids into answered and absent", async () => {
    const { client, asked } = provider((id) => (id === "150" ? status("1.5") : id === "10" ? status("2") : absent));
    const result = await probeIds(client, "service", range(101, 299), { notOurs: [5n], ours: [10n] });
    expect(asked.map((call) => call.length)).toEqual([100, 100, 1]);
    expect(asked[0].slice(0, 2)).toEqual(["5", "10"]);
    expect([...result.answered.keys()]).toEqual([150n]);
    // 198 of the window, and the id that could not be ours.
    expect(result.absent.size).toBe(199);
    expect(result.absent.has(5n)).toBe(true);
    expect(result).toMatchObject({ failure: null, broken: null, calls: 3 });
  });

  it("calls a provider broken when an id no order of ours can hold answers, or when our own order is said not to exist, and asks nothing more", async () => {
    const ignoresKey = provider(() => status("1"));
    expect(await probeIds(ignoresKey.client, "service", range(101, 400), { notOurs: [5n], ours: [10n] })).toMatchObject({
      broken: "the provider answered id 5, which no order of ours can hold: it may ignore the API key",
      calls: 1,
    });
    const deniesAll = provider(() => absent);
    expect(await probeIds(deniesAll.client, "service", range(101, 400), { notOurs: [5n], ours: [10n] })).toMatchObject({
      broken: "the provider says our own upstream order 10 does not exist (Incorrect order ID): its answers cannot be trusted",
      calls: 1,
    });
    expect(deniesAll.asked).toHaveLength(1);
  });

  it("reports a failed call, an id left out of the answer, or an indeterminate item as an incomplete probe", async () => {
    const down = provider({ ok: false, kind: "indeterminate", message: "status: HTTP 429" });
    expect(await probeIds(down.client, "service", range(101, 150), { notOurs: [], ours: [] })).toMatchObject({ failure: "probe failed: status: HTTP 429", calls: 1 });
    const forgetful = provider((id) => (id === "120" ? undefined : absent));
    expect((await probeIds(forgetful.client, "service", range(101, 150), { notOurs: [], ours: [] })).failure).toBe("probe failed: the provider left id 120 out of its answer");
    const unsure = provider((id) => (id === "130" ? { error: "timeout", kind: "indeterminate" } : absent));
    const result = await probeIds(unsure.client, "service", range(101, 150), { notOurs: [], ours: [] });
    expect(result.failure).toBe("probe failed: id 130: timeout");
    expect(result.absent.has(130n)).toBe(false);
  });
});
