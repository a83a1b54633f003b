import { describe, expect, it } from "vitest";
import { splitLinks } from "./links";

describe("splitLinks", () => {
  it("links http(s) URLs only, leaving punctuation and everything else as text", () => {
    expect(splitLinks("See https://example.com/a?b=1, then http://x.test/p).")).toEqual([
      { text: "See " },
      { text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { text: ", then " },
      { text: "http://x.test/p", href: "http://x.test/p" },
      { text: ")." },
    ]);
  });

  it("never links javascript:, data: or markup, and keeps it as plain text", () => {
    const body = `javascript:alert(1) data:text/html,<script>x</script> <a href="https://evil.test">x</a> www.example.com`;
    const parts = splitLinks(body);
    expect(parts.filter((p) => p.href).map((p) => p.href)).toEqual(["https://evil.test/"]);
    // The quote ends the URL, so the markup around it stays text for React to escape.
    expect(parts.map((p) => p.text).join("")).toBe(body);
  });

  it("a message without links is one text part", () => {
    expect(splitLinks("order 12 is late")).toEqual([{ text: "order 12 is late" }]);
  });
});
