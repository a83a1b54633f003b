// The report's periods and groupings, shared by the SQL, the page and the query-string parser
// (a plain module: the page's client chart imports nothing server-only through it).
export const REPORT_PERIODS = ["day", "week", "month"] as const;
export const REPORT_GROUPS = ["period", "service", "provider", "customer"] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
export type ReportGroup = (typeof REPORT_GROUPS)[number];
