"use client";
// The reader's time zone and the request's moment, given by the signed-in layout to every <Time>
// below it: the server rendered with the same zone and moment, so hydration matches; afterwards
// the clock ticks every 30 s so that "3 min ago" stays true. Without a zone saved on the account,
// the browser's zone is sent as the `tz` cookie on the first visit and the page is refreshed once
// in it (lib/time/display-zone.ts reads it).
import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { TZ_COOKIE } from "@/lib/time/zone-cookie";
import { UTC } from "@/lib/time/format";

type Clock = { zone: string; now: number };

const ClockContext = createContext<Clock>({ zone: UTC, now: 0 });

export function useClock(): Clock {
  return useContext(ClockContext);
}

export function TimeZoneProvider({ zone, now, saved, children }: { zone: string; now: number; saved: boolean; children: ReactNode }) {
  const [ticked, setTicked] = useState<number | null>(null);
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => setTicked(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const clock = useMemo(() => ({ zone, now: ticked ?? now }), [zone, now, ticked]);
  useEffect(() => {
    if (saved) return;
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browser || browser === zone) return;
    document.cookie = `${TZ_COOKIE}=${encodeURIComponent(browser)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [saved, zone, router]);
  return <ClockContext.Provider value={clock}>{children}</ClockContext.Provider>;
}
