"use client";
// Light, dark or the system's setting. The choice goes into a cookie the server reads for the
// next page (app/layout.tsx puts it on <html>), and onto <html> at once for this one.
import { useState } from "react";
import { THEME_CHOICES, THEME_COOKIE, type ThemeChoice } from "@/lib/theme/theme-choice";

const LABELS: Record<ThemeChoice, string> = { system: "System theme", light: "Light", dark: "Dark" };

export function ThemeSwitch({ initial }: { initial: ThemeChoice }) {
  const [choice, setChoice] = useState(initial);
  return (
    <label className="flex items-center">
      <span className="sr-only">Colour theme</span>
      <select
        data-testid="theme-switch"
        value={choice}
        onChange={(e) => {
          const next = e.target.value as ThemeChoice;
          setChoice(next);
          document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
          if (next === "system") delete document.documentElement.dataset.theme;
          else document.documentElement.dataset.theme = next;
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700"
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
