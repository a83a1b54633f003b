"use client";
// A moment on a page, in the reader's zone (components/ui/time-zone.tsx): "2026-12-01 23:50", or
// "3 min ago" with `relative` for moments of the last week; the exact time, seconds and zone on
// hover. A <time> element with the UTC instant in dateTime, for machines and screen readers.
import { formatDateTime, formatExactDateTime, formatRelative, RELATIVE_FOR_MS } from "@/lib/time/format";
import { useClock } from "./time-zone";

export function Time({ value, relative = false, className, prefix = "" }: { value: Date | string | null | undefined; relative?: boolean; className?: string; prefix?: string }) {
  const { zone, now } = useClock();
  if (value === null || value === undefined) return <>—</>;
  const date = new Date(value);
  const recent = relative && now > 0 && Math.abs(now - date.getTime()) < RELATIVE_FOR_MS;
  return (
    <time dateTime={date.toISOString()} title={formatExactDateTime(date, zone)} className={className}>
      {prefix}
      {recent ? formatRelative(date, now) : formatDateTime(date, zone)}
    </time>
  );
}
