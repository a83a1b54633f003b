// The theme chosen in this request's cookie (lib/theme/theme-choice.ts), for the root layout and the switch.
import "server-only";
import { cookies } from "next/headers";
import { parseThemeChoice, THEME_COOKIE, type ThemeChoice } from "@/lib/theme/theme-choice";

export async function themeChoiceForRequest(): Promise<ThemeChoice> {
  return parseThemeChoice((await cookies()).get(THEME_COOKIE)?.value);
}
