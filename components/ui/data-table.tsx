// Every list of the panel draws through this one component, so that their markup cannot drift
// apart: TanStack Table's column definitions describe the columns, and each column says where it
// goes when the list turns into cards below laptop width (64rem, as the /services catalog does):
// the row's name on top, then its state and money, its primary actions, then the details with
// their labels. One markup for both layouts (data-table.module.css switches them), so nothing
// scrolls sideways on a phone and the HTML is not written twice. The roles are written out because
// a table whose rows are laid out as blocks loses its table semantics in some browsers.
// No hooks: TanStack's core builds the row model without React state, so the same component
// renders in server components (static lists) and inside client ones (the live orders list).
import { createTable, getCoreRowModel, type ColumnDef, type RowData, type TableOptionsResolved } from "@tanstack/table-core";
import type { HTMLAttributes, ReactNode } from "react";
import { EmptyState } from "./card";
import styles from "./data-table.module.css";

/**
 * Where a column goes on a phone card: `title` (the row's name, full width on top), `primary`
 * (state and money, first under it), `action` (the row's buttons), `detail` (small, labelled;
 * the default), `hidden` (repeats something the card already shows).
 */
export type CardPlace = "title" | "primary" | "action" | "detail" | "hidden";

declare module "@tanstack/table-core" {
  interface ColumnMeta<TData extends RowData, TValue> {
    card?: CardPlace;
    /** The label a card shows before the value; defaults to the header when it is a text. */
    label?: string;
    align?: "left" | "right";
    /** Extra classes for this column's cells; a function for classes that follow the row (a red minus). */
    className?: string | ((row: TData) => string);
    /** Extra classes for the header cell only. */
    headerClassName?: string;
    /** The header is read by screen readers but not shown (an actions column). */
    hiddenHeader?: boolean;
    /** data-testid on each cell of the column. */
    testId?: string;
    /** A title (hover text) on each cell, for cells that truncate. */
    title?: (row: TData) => string | undefined;
    /** Keeps TValue used (TanStack's declaration requires both parameters). */
    readonly valueType?: TValue;
  }
}

// TanStack's own ColumnDef arrays mix value types, hence `any`.
export type ListColumn<Row> = ColumnDef<Row, any>;
type ListMeta<Row> = NonNullable<ColumnDef<Row, unknown>["meta"]>;

/**
 * A display column in one line: `column({ header: "Charge", cell: (o) => …, card: "primary" })`
 * is TanStack's `{ id, header, cell: ({ row }) => …, meta }`.
 */
export function column<Row>({
  id,
  header,
  cell,
  ...meta
}: { id?: string; header: ReactNode; cell: (row: Row) => ReactNode } & Omit<ListMeta<Row>, "valueType">): ListColumn<Row> {
  const textHeader = typeof header === "string" ? header : undefined;
  return {
    // TanStack needs an id; cells and headers are keyed by position, so a repeated one is harmless.
    id: id ?? textHeader ?? meta.label ?? meta.testId ?? "column",
    header: textHeader ?? (() => header),
    cell: (context) => cell(context.row.original),
    meta: { label: textHeader, ...meta },
  };
}

/** TanStack's core table without React state: one render, no sorting or paging of its own. */
function rowModel<Row>(columns: ListColumn<Row>[], rows: readonly Row[], rowKey: (row: Row) => Key) {
  const options: TableOptionsResolved<Row> = {
    data: rows as Row[],
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(rowKey(row)),
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
  };
  const table = createTable(options);
  table.setOptions((prev) => ({ ...prev, state: table.initialState }));
  return table;
}

/** TanStack's flexRender without importing the React adapter (which uses hooks). */
function render<P extends object>(content: unknown, props: P): ReactNode {
  return typeof content === "function" ? (content as (props: P) => ReactNode)(props) : (content as ReactNode);
}

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | undefined };
type Key = string | number;
/** Rows are keyed by their `id` unless `rowKey` says otherwise. */
const byId = (row: unknown): Key => (row as { id: Key }).id;

/**
 * `flush`: inside a Card, edge to edge (the card's padding moves into the first and last cells);
 * `plain`: within the content box, with `minWidth` keeping the columns readable while it scrolls.
 */
type Layout = "flush" | "plain";

const WRAPPER: Record<Layout, string> = { flush: "relative -mx-5 lg:overflow-x-auto", plain: "relative lg:overflow-x-auto" };
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
  /** The columns, or a function of `column` typed for these rows (lets inline columns infer the row type). */
  columns: ListColumn<Row>[] | ((c: typeof column<Row>) => ListColumn<Row>[]);
  rows: readonly Row[];
  rowKey?: (row: Row) => Key;
  /** data-testid of each row (what most tables need of rowAttributes). */
  rowTestId?: (row: Row) => string;
  rowAttributes?: (row: Row) => RowAttributes;
  layout?: Layout;
  /** A Tailwind min-width class for the table (`min-w-[32rem]`) so it scrolls rather than squeezes (table layout only). */
  minWidth?: string;
  alignTop?: boolean;
  bodyClassName?: string;
  testId?: string;
  /** Extra classes for the wrapper (a top margin). */
  className?: string;
  /** Shown instead of the table when there are no rows; a text is shown as the panel's empty state. */
  empty?: ReactNode;
}) {
  if (rows.length === 0 && empty !== null) return typeof empty === "string" ? <EmptyState>{empty}</EmptyState> : <>{empty}</>;
  const table = rowModel(typeof columns === "function" ? columns(column<Row>) : columns, rows, rowKey);
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const cellClass = (meta: ListMeta<Row> | undefined, index: number) =>
    [padding(layout, index, headers.length), meta?.align === "right" ? "text-right" : ""].filter(Boolean).join(" ");
  return (
    <div className={`${WRAPPER[layout]} ${className}`.trim()} role="region" aria-label={label} tabIndex={0}>
      <table
        role="table"
        className={`${styles.list} w-full ${minWidth} text-left text-sm`.replace(/\s+/g, " ")}
        data-layout={layout}
        aria-label={caption ? undefined : label}
        data-testid={testId}
      >
        {caption ? <caption className={`pb-2 text-left text-xs text-slate-500 ${layout === "flush" ? "px-5" : ""}`.trim()}>{caption}</caption> : null}
        <thead role="rowgroup" className={HEAD[layout]}>
          <tr role="row">
            {headers.map((header, i) => {
              const meta = header.column.columnDef.meta;
              const content = render(header.column.columnDef.header, header.getContext());
              return (
                <th key={i} role="columnheader" scope="col" className={`${cellClass(meta, i)} ${meta?.headerClassName ?? ""}`.trim()}>
                  {meta?.hiddenHeader ? <span className="sr-only">{content}</span> : content}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody role="rowgroup" className={`divide-y divide-slate-100 ${alignTop ? "align-top" : ""} ${bodyClassName}`.trim()}>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} role="row" data-testid={rowTestId?.(row.original)} {...rowAttributes?.(row.original)}>
              {row.getVisibleCells().map((cell, i) => {
                const meta = cell.column.columnDef.meta;
                const extra = typeof meta?.className === "function" ? meta.className(row.original) : (meta?.className ?? "");
                const place = meta?.card ?? "detail";
                return (
                  <td
                    key={i}
                    role="cell"
                    className={`${cellClass(meta, i)} ${extra}`.trim()}
                    data-card={place}
                    data-label={place === "title" || place === "action" || meta?.hiddenHeader ? undefined : meta?.label}
                    data-testid={meta?.testId}
                    title={meta?.title?.(row.original)}
                  >
                    {render(cell.column.columnDef.cell, cell.getContext())}
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
