import { describe, expect, it } from "vitest";
import { formatDateTime, formatRelative } from "./format";

describe("dates", () => {
  it("formats a moment in UTC, the same everywhere", () => {
    expect(formatDateTime(new Date("2026-12-01T22:50:31Z"))).toBe("2026-12-01 22:50 UTC");
    expect(formatDateTime("2026-12-01T22:50:31.000Z")).toBe("2026-12-01 22:50 UTC");
    expect(formatDateTime(null)).toBe("—");
  });

  it("says how far a moment is, never shorter than it is for a cooldown", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(formatRelative(new Date("2026-12-01T14:10:00Z"), now)).toBe("in 5 h");
    expect(formatRelative(new Date("2026-12-01T10:04:01Z"), now)).toBe("in 5 min");
    expect(formatRelative(new Date("2026-12-01T09:57:00Z"), now)).toBe("3 min ago");
    expect(formatRelative(new Date("2026-12-05T10:00:00Z"), now)).toBe("in 4 d");
  });
});
