// Every data table of the panel draws through this one component, so that their markup cannot
// drift apart: a named table (caption or aria-label), column headers with scope="col", a wrapper
// that scrolls sideways inside its own box at phone width (focusable, so keyboards can scroll it),
// and one padding rule per layout. Columns are typed against the row they render. No hooks: it
// renders in server components (static tables) and inside client ones (the live orders list) alike.
import type { HTMLAttributes, ReactNode } from "react";
import { EmptyState } from "./card";

export type Column<Row> = {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  align?: "left" | "right";
  /** Extra classes for this column's cells; a function for classes that follow the row (a red minus). */
  className?: string | ((row: Row) => string);
  /** Extra classes for the header cell only. */
  headerClassName?: string;
  /** The header is read by screen readers but not shown (an actions column). */
  hiddenHeader?: boolean;
  /** data-testid on each cell of the column. */
  testId?: string;
  /** A title (hover text) on each cell, for cells that truncate. */
  title?: (row: Row) => string | undefined;
};

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | undefined };
type Key = string | number;
/** Rows are keyed by their `id` unless `rowKey` says otherwise. */
const byId = (row: unknown): Key => (row as { id: Key }).id;

/**
 * `flush`: inside a Card, edge to edge (the card's padding moves into the first and last cells);
 * `plain`: within the content box, with `minWidth` keeping the columns readable while it scrolls.
 */
type Layout = "flush" | "plain";

const WRAPPER: Record<Layout, string> = { flush: "relative -mx-5 overflow-x-auto", plain: "relative overflow-x-auto" };
const HEAD: Record<Layout, string> = { flush: "border-b border-slate-200 text-xs uppercase text-slate-500", plain: "text-xs uppercase text-slate-600" };

function padding(layout: Layout, index: number, count: number): string {
  if (layout === "plain") return index === count - 1 ? "py-2" : "py-2 pr-3";
  if (count === 1) return "px-5 py-2";
  if (index === 0) return "py-2 pl-5 pr-3";
  if (index === count - 1) return "py-2 pl-3 pr-5";
  return "px-3 py-2";
}

export function DataTable<Row>({
  label,
  caption,
  columns,
  rows,
  rowKey = byId,
  rowTestId,
  rowAttributes,
  layout = "flush",
  minWidth = "",
  alignTop = false,
  bodyClassName = "",
  testId,
  className = "",
  empty = null,
}: {
  /** Names the table and its scrolling region for screen readers. */
  label: string;
  /** A visible caption (shown above the table); the label still names the region. */
  caption?: ReactNode;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey?: (row: Row) => Key;
  /** data-testid of each row (what most tables need of rowAttributes). */
  rowTestId?: (row: Row) => string;
  rowAttributes?: (row: Row) => RowAttributes;
  layout?: Layout;
  /** A Tailwind min-width class for the table (`min-w-[32rem]`) so it scrolls rather than squeezes. */
  minWidth?: string;
  alignTop?: boolean;
  bodyClassName?: string;
  testId?: string;
  /** Extra classes for the scrolling wrapper (a top margin). */
  className?: string;
  /** Shown instead of the table when there are no rows; a text is shown as the panel's empty state. */
  empty?: ReactNode;
}) {
  if (rows.length === 0 && empty !== null) return typeof empty === "string" ? <EmptyState>{empty}</EmptyState> : <>{empty}</>;
  const cellClass = (column: Column<Row>, index: number) =>
    [padding(layout, index, columns.length), column.align === "right" ? "text-right" : ""].filter(Boolean).join(" ");
  return (
    <div className={`${WRAPPER[layout]} ${className}`.trim()} role="region" aria-label={label} tabIndex={0}>
      <table className={`w-full ${minWidth} text-left text-sm`.replace(/\s+/g, " ")} aria-label={caption ? undefined : label} data-testid={testId}>
        {caption ? <caption className={`pb-2 text-left text-xs text-slate-500 ${layout === "flush" ? "px-5" : ""}`.trim()}>{caption}</caption> : null}
        <thead className={HEAD[layout]}>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={`${cellClass(column, i)} ${column.headerClassName ?? ""}`.trim()}>
                {column.hiddenHeader ? <span className="sr-only">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={`divide-y divide-slate-100 ${alignTop ? "align-top" : ""} ${bodyClassName}`.trim()}>
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId?.(row)} {...rowAttributes?.(row)}>
              {columns.map((column, i) => {
                const extra = typeof column.className === "function" ? column.className(row) : (column.className ?? "");
                return (
                  <td key={i} className={`${cellClass(column, i)} ${extra}`.trim()} data-testid={column.testId} title={column.title?.(row)}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
