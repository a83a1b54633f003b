// The theme switch with this request's choice (server-read cookie), so it shows the right value at once.
import { ThemeSwitch } from "./theme-switch";
import { themeChoiceForRequest } from "./theme-choice-server";

export async function ThemeSwitchSlot() {
  return <ThemeSwitch initial={await themeChoiceForRequest()} />;
}
