// The wrapper's promises to every action: who may run it, that the body only sees parsed input,
// that what was typed comes back (secrets excepted), and that unexpected errors stay generic.
// The session is passed in: under test there is no request to carry a next-auth cookie.
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { fail, fieldRefusal } from "@/lib/result";
import { ActionError, makeAction, refusalState, type ActionResult, type Gate } from "./action-client";

const customer: SessionUser = { id: 1, email: "c@x.test", name: null, role: "customer", needsTwoFactorSetup: false, balance: "0", timeZone: null, emailVerified: true };
const staff: SessionUser = { ...customer, id: 2, role: "staff" };
const admin: SessionUser = { ...customer, id: 3, role: "admin" };

const ZInput = z.object({ amount: z.coerce.number().int("Enter a whole number.") });
const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

type Body = (input: z.output<typeof ZInput>, user: SessionUser | null) => Promise<ActionResult>;

function action(gate: Gate, user: SessionUser | null, body = vi.fn<Body>(async () => ({ ok: true, message: "done" }))) {
  return { run: makeAction(gate, ZInput, body, async () => user), body };
}

describe("makeAction", () => {
  it("lets each gate through only the roles it names", async () => {
    const cases: [Gate, SessionUser | null, boolean][] = [
      ["public", null, true],
      ["user", null, false],
      ["user", customer, true],
      ["staff", customer, false],
      ["staff", staff, true],
      ["staff", admin, true],
      ["admin", staff, false],
      ["admin", admin, true],
    ];
    for (const [gate, user, allowed] of cases) {
      const { run, body } = action(gate, user);
      const state = await run({}, form({ amount: "5" }));
      expect(body.mock.calls.length, `${gate} as ${user?.role ?? "nobody"}`).toBe(allowed ? 1 : 0);
      if (!allowed) expect(state.error).toMatch(user ? /not allowed/ : /session has ended/);
    }
  });

  it("hands the body parsed input and the user; refuses bad input beside the field, keeping what was typed", async () => {
    const { run, body } = action("user", customer);
    await run({}, form({ amount: "42" }));
    expect(body).toHaveBeenCalledWith({ amount: 42 }, customer);
    const refused = await run({}, form({ amount: "4.5", note: "kept" }));
    expect(refused).toEqual({ fieldErrors: { amount: "Enter a whole number." }, values: { amount: "4.5", note: "kept" } });
    expect(body).toHaveBeenCalledTimes(1);
  });

  it("never sends secrets back to refill a form", async () => {
    const { run } = action("user", customer, vi.fn<Body>(async () => ({ error: "no" })));
    const state = await run({}, form({ amount: "1", password: "p", apiKey: "k", idempotencyKey: "i", name: "n" }));
    expect(state.values).toEqual({ amount: "1", name: "n" });
  });

  it("shows an ActionError's message and hides anything else", async () => {
    const expected = action("user", customer, vi.fn<Body>(async () => Promise.reject(new ActionError("That email is taken."))));
    expect((await expected.run({}, form({ amount: "1" }))).error).toBe("That email is taken.");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const unexpected = action("user", customer, vi.fn<Body>(async () => Promise.reject(new Error("connection string postgres://secret"))));
    const state = await unexpected.run({}, form({ amount: "1" }));
    expect(state.error).toMatch(/Something went wrong on our side/);
    expect(JSON.stringify(state)).not.toContain("secret");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

describe("refusalState", () => {
  it("shows a lib refusal's message, and each field's message beside its field", async () => {
    expect(refusalState(fail("not_found", "No such customer."))).toEqual({ error: "No such customer.", fieldErrors: undefined });
    const below = fieldRefusal("below_cost", "sellRate", "1.000000 is below the upstream cost.", "Below the upstream cost of 2.", { cost: "2" });
    expect(refusalState(below)).toEqual({ error: "1.000000 is below the upstream cost.", fieldErrors: { sellRate: "Below the upstream cost of 2." } });
    // Through the wrapper, what was typed comes back beside the refusal.
    const action = makeAction("admin", ZInput, async () => refusalState(below), async () => admin);
    expect(await action({}, form({ amount: "1" }))).toMatchObject({ fieldErrors: { sellRate: expect.any(String) }, values: { amount: "1" } });
  });
});
