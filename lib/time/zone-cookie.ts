// The cookie that carries the browser's time zone to the server (set by components/ui/time-zone.tsx).
export const TZ_COOKIE = "tz";
