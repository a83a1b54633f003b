// Prints the @theme block of app/globals.css that gives every colour the panel uses a dark
// counterpart: shade n of a hue becomes its mirror (50 ↔ 950, 100 → 800 …, 500 and 600 → 400 so
// that small grey text stays readable on dark cards), white becomes slate-900. Values are read
// from Tailwind's own theme.css. Re-run after using a new hue: `npx tsx scripts/brand/make-dark-palette.ts`.
import { readFileSync } from "node:fs";

const css = readFileSync(new URL("../../node_modules/tailwindcss/theme.css", import.meta.url), "utf8");
const value = (name: string) => {
  const found = css.match(new RegExp(`--color-${name}: ([^;]+);`));
  if (!found) throw new Error(`no --color-${name} in tailwindcss/theme.css`);
  return found[1];
};
const HUES = ["slate", "indigo", "red", "green", "emerald", "amber", "orange"];
const DARK_OF: Record<number, number> = { 50: 950, 100: 800, 200: 700, 300: 600, 400: 500, 500: 400, 600: 400, 700: 300, 800: 200, 900: 100, 950: 50 };
// static: every token is emitted, also those only charts name (var(--color-…) in a component), not a class.
const lines = ["@theme static {"];
for (const hue of HUES) {
  for (const [shade, dark] of Object.entries(DARK_OF)) lines.push(`  --color-${hue}-${shade}: light-dark(${value(`${hue}-${shade}`)}, ${value(`${hue}-${dark}`)});`);
}
lines.push(`  --color-white: light-dark(#fff, ${value("slate-900")});`, "  --color-black: light-dark(#000, #fff);", "}");
console.log(lines.join("\n"));
