// Which colour theme a person chose: follow the system (the default), or always light or dark.
// Kept in a cookie so the server renders the right theme into the first byte of HTML (no flash
// of the wrong one, no script); the CSS in app/globals.css does the rest.
export const THEME_COOKIE = "theme";
export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** A cookie value as the server received it; anything unknown follows the system. */
export function parseThemeChoice(value: string | undefined): ThemeChoice {
  return (THEME_CHOICES as readonly string[]).includes(value ?? "") ? (value as ThemeChoice) : "system";
}
