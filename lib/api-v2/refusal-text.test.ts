// Codes, not messages, decide the protocol's text: a reworded message changes nothing here.
import { describe, expect, it } from "vitest";
import { fail, invalidFields } from "@/lib/result";
import { refusalText } from "./refusal-text";

describe("refusalText", () => {
  it("maps codes and their data to the protocol's texts", () => {
    expect(refusalText(fail("not_enough_funds", "any words"))).toBe("Not enough funds on balance");
    expect(refusalText(fail("not_found", "gone"))).toBe("Incorrect order ID");
    expect(refusalText(invalidFields({ quantity: { code: "below_min", message: "reworded", data: { min: 100 } } }))).toBe("Quantity less than minimal 100");
    expect(refusalText(invalidFields({ runs: { code: "above_max", message: "reworded", data: { max: 5000 } } }))).toBe("Quantity more than maximum 5000");
    expect(refusalText(invalidFields({ serviceId: { code: "type_unsupported", message: "x" } }))).toBe("Incorrect service ID");
  });

  it("names other fields the API's way, with the message for people", () => {
    expect(refusalText(invalidFields({ oldPosts: { code: "invalid_value", message: "Old posts cannot be negative." } }))).toBe(
      "Incorrect request: old_posts: Old posts cannot be negative.",
    );
    expect(refusalText(invalidFields({ quantity: { code: "invalid_value", message: "Enter at least 1." } }))).toBe("Incorrect request: quantity: Enter at least 1.");
    expect(refusalText(fail("not_cancellable", "This order can no longer be cancelled."))).toBe("This order can no longer be cancelled.");
  });
});
