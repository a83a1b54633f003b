import { describe, expect, it } from "vitest";
import { createSignInThrottle, MAX_FAILURES, WINDOW_MS } from "./sign-in-throttle";

describe("sign-in throttle", () => {
  it("blocks an email after repeated wrong passwords until the window ends; success clears it", () => {
    let t = 0;
    const throttle = createSignInThrottle(() => t);
    for (let i = 0; i < MAX_FAILURES - 1; i++) throttle.recordFailure("a@x.test");
    expect(throttle.isBlocked("a@x.test")).toBe(false);
    throttle.recordFailure("a@x.test");
    expect(throttle.isBlocked("a@x.test")).toBe(true);
    expect(throttle.isBlocked("b@x.test")).toBe(false);
    t += WINDOW_MS;
    expect(throttle.isBlocked("a@x.test")).toBe(false);
    throttle.recordFailure("a@x.test");
    throttle.recordSuccess("a@x.test");
    for (let i = 0; i < MAX_FAILURES - 1; i++) throttle.recordFailure("a@x.test");
    expect(throttle.isBlocked("a@x.test")).toBe(false);
  });
});
