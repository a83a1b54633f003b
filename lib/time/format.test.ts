import { describe, expect, it } from "vitest";
import { formatDateTime, formatExactDateTime, formatRelative, isTimeZone } from "./format";

describe("dates", () => {
  it("formats a moment in UTC by default, saying so", () => {
    expect(formatDateTime(new Date("2026-12-01T22:50:31Z"))).toBe("2026-12-01 22:50 UTC");
    expect(formatDateTime("2026-12-01T22:50:31.000Z")).toBe("2026-12-01 22:50 UTC");
    expect(formatDateTime(null)).toBe("—");
  });

  it("formats it in the reader's zone, across a date line, with the exact time and zone for hovering", () => {
    expect(formatDateTime("2026-12-01T22:50:31Z", "Europe/Berlin")).toBe("2026-12-01 23:50");
    expect(formatDateTime("2026-12-01T22:50:31Z", "Asia/Tokyo")).toBe("2026-12-02 07:50");
    expect(formatDateTime("2026-12-01T00:10:00Z", "America/New_York")).toBe("2026-11-30 19:10");
    expect(formatExactDateTime("2026-12-01T22:50:31Z", "Europe/Berlin")).toBe("2026-12-01 23:50:31 GMT+1 (Europe/Berlin)");
    expect(formatExactDateTime("2026-12-01T22:50:31Z")).toBe("2026-12-01 22:50:31 UTC");
  });

  it("knows real zones only", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });

  it("says how far a moment is, never shorter than it is for a cooldown", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(formatRelative(new Date("2026-12-01T14:10:00Z"), now)).toBe("in 5 h");
    expect(formatRelative(new Date("2026-12-01T10:04:01Z"), now)).toBe("in 5 min");
    expect(formatRelative(new Date("2026-12-01T09:57:00Z"), now)).toBe("3 min ago");
    expect(formatRelative(new Date("2026-12-01T09:59:30Z"), now)).toBe("just now");
    expect(formatRelative(new Date("2026-12-05T10:00:00Z"), now)).toBe("in 4 d");
  });
});
