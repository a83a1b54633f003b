// Shared steps for the storefront browser tests: picking a service on /new-order the way a
// customer does, and the checks every customer page must pass (axe, no sideways scrolling).
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Chooses a service on /new-order by typing its id into the picker, with the keyboard only. */
export async function chooseService(page: Page, serviceId: number) {
  await page.getByRole("combobox", { name: "Service", exact: true }).focus();
  await page.keyboard.press("Enter");
  const search = page.getByRole("combobox", { name: "Search services by name or id" });
  await expect(search).toBeFocused();
  await page.keyboard.type(String(serviceId));
  await expect(page.getByTestId(`service-option-${serviceId}`)).toHaveAttribute("data-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("combobox", { name: "Service", exact: true })).toContainText(`#${serviceId} `);
  await expect(page.getByTestId("service-summary")).toBeVisible();
}

/** The service the form will send, as the browser holds it (not what the page says). */
export async function submittedServiceId(page: Page): Promise<string> {
  return page.locator('form [name="serviceId"]').inputValue();
}

/** A Default-type service (link + quantity) that is not the first one the form offers. */
export async function notTheFirstDefaultService(page: Page): Promise<{ id: number; name: string }> {
  await page.goto("/services");
  const rows = page.locator('[data-testid^="service-row-"][data-service-type="Default"]');
  await expect(rows.first()).toBeVisible();
  const ids = await rows.evaluateAll((els) => els.map((el) => ({ id: Number(el.getAttribute("data-service-id")), name: el.getAttribute("data-service-name") ?? "" })));
  const chosen = ids.find((s, i) => i > 0 && s.name !== ids[0].name);
  if (!chosen) throw new Error("the catalog has no second Default service");
  return chosen;
}

export async function expectNoSeriousAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
}

export async function expectNoSidewaysScroll(page: Page) {
  const { overflow, offenders } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const overflow = document.documentElement.scrollWidth - width;
    if (overflow <= 0) return { overflow, offenders: [] as string[] };
    // The widest elements that stick out of the page and are not inside a box that scrolls or clips.
    // (An absolutely positioned element is clipped only by a box that also positions it.)
    const clipped = (el: Element) => {
      const absolute = getComputedStyle(el).position === "absolute";
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.position === "fixed") return true;
        if (style.overflowX !== "visible" && (!absolute || style.position !== "static")) return true;
      }
      return false;
    };
    const offenders = Array.from(document.querySelectorAll("body *"))
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !clipped(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} (${Math.round(el.getBoundingClientRect().right)}px)`);
    return { overflow, offenders };
  });
  expect(overflow, `page ${page.url()} scrolls sideways by ${overflow}px: ${offenders.join(", ")}`).toBeLessThanOrEqual(0);
}
