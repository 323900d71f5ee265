import type { ReactNode } from "react";

export interface ChartDataTableProps {
  /** Names the table for assistive technology, e.g. "Drift by service". */
  caption: string;
  columns: Array<{ label: string; isNumeric?: boolean }>;
  rows: Array<{ key: string; cells: ReactNode[] }>;
}

/**
 * A chart's numbers as a table, folded away under the chart: for screen readers, keyboard
 * users (rows link where the chart's bars do) and anyone who wants the exact figures.
 */
export function ChartDataTable({ caption, columns, rows }: ChartDataTableProps) {
  return (
    <details className="group mt-3 text-sm">
      <summary className="cursor-pointer select-none text-xs font-medium text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100">
        Show as a table
      </summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
            <tr>
              {columns.map((column) => (
                <th key={column.label} scope="col" className={`px-2 py-1.5 ${column.isNumeric ? "text-right" : ""}`}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                {row.cells.map((cell, index) => (
                  <td key={columns[index]?.label ?? index} className={`px-2 py-1 ${columns[index]?.isNumeric ? "text-right tabular-nums" : ""}`}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
