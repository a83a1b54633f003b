// The reports page's query string, parsed once: a UTC date window (default the last 30 days,
// at most 5 years), the period and the grouping. Anything that does not parse falls back.
import { z } from "zod";
import { REPORT_GROUPS, REPORT_PERIODS, type ReportGroup, type ReportPeriod } from "./groups";

const DAY = 86_400_000;
const MAX_DAYS = 5 * 366;
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const utcDay = z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`))).optional()).catch(undefined);

export const ZReportParams = z.object({
  from: utcDay,
  to: utcDay,
  period: z.preprocess(blank, z.enum(REPORT_PERIODS).default("day")).catch("day"),
  group: z.preprocess(blank, z.enum(REPORT_GROUPS).default("period")).catch("period"),
});
export type ReportParamsInput = z.input<typeof ZReportParams>;

export type ReportParams = {
  /** Inclusive UTC days as shown in the form. */
  fromDay: string;
  toDay: string;
  /** The SQL window [from, to). */
  from: Date;
  to: Date;
  period: ReportPeriod;
  group: ReportGroup;
};

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export function parseReportParams(input: ReportParamsInput, now = new Date()): ReportParams {
  const p = ZReportParams.parse(input);
  const today = Date.parse(`${dayOf(now)}T00:00:00Z`);
  let to = p.to ? Date.parse(`${p.to}T00:00:00Z`) : today;
  let from = p.from ? Date.parse(`${p.from}T00:00:00Z`) : to - 29 * DAY;
  if (from > to) [from, to] = [to, from];
  if (to - from > MAX_DAYS * DAY) from = to - MAX_DAYS * DAY;
  return { fromDay: dayOf(new Date(from)), toDay: dayOf(new Date(to)), from: new Date(from), to: new Date(to + DAY), period: p.period, group: p.group };
}

/** The same parameters as a query string, for the CSV link and the period switch. */
export function reportQueryString(p: ReportParams, change: Partial<Pick<ReportParams, "period" | "group">> = {}): string {
  return new URLSearchParams({ from: p.fromDay, to: p.toDay, period: change.period ?? p.period, group: change.group ?? p.group }).toString();
}
