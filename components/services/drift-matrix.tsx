"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useDeferredValue, useMemo, useRef, useState } from "react";
import { smallButtonClasses } from "@/components/ui/form-controls";
import {
  buildDriftMatrix,
  type DriftCellStatus,
  type DriftMatrixColumn,
  type DriftMatrixDriftItem,
  type DriftMatrixRow,
  type DriftMatrixSort,
  filterDriftMatrix,
  getDriftCellStatus,
} from "@/lib/analysis/drift-matrix";
import { formatComponentLabel, formatVersion } from "@/lib/analysis/format-display";
import { formatDriftAge } from "@/lib/analysis/onset";
import type { ServiceDetail } from "@/lib/analysis/queries";
import { buildHostHref } from "@/lib/analysis/service-view";
import { formatDate } from "@/lib/format";
import type { PinTarget } from "./pin-version-dialog";

export interface DriftMatrixFilterState {
  host: string;
  component: string;
  onlyDrifted: boolean;
  sort: DriftMatrixSort;
}

export interface DriftMatrixProps {
  hosts: ServiceDetail["hosts"];
  components: ServiceDetail["components"];
  environment: string;
  /** When the snapshot was taken: drift ages are counted up to it. */
  takenAt: string;
  filter: DriftMatrixFilterState;
  onSort: (sort: DriftMatrixSort) => void;
  onPin: (target: PinTarget) => void;
  onIgnore: (component: string) => void;
}

export const CELL_STYLES: Record<DriftCellStatus, { label: string; symbol: string; className: string }> = {
  matches: { label: "matches baseline", symbol: "", className: "bg-immutable/15" },
  differs: { label: "differs", symbol: "≠", className: "bg-drift text-white" },
  missing: { label: "missing", symbol: "−", className: "bg-mutable text-white" },
  extra: { label: "extra", symbol: "+", className: "bg-snowflake text-white" },
  ignored: { label: "ignored", symbol: "~", className: "bg-slate-300 text-slate-600 dark:bg-slate-700 dark:text-slate-300" },
};

const ROW_HEIGHT = 28;

interface SelectedCell {
  hostKey: string;
  component: string;
}

/**
 * Hosts × components that drift anywhere, as a heatmap. Rows are virtualised (only the
 * visible ones are in the DOM), so 5,000 hosts scroll as smoothly as 5; the header row and
 * the host column stay in view. A drifting cell is a button: it opens its details below.
 */
export function DriftMatrix({ hosts, components, environment, takenAt, filter, onSort, onPin, onIgnore }: DriftMatrixProps) {
  const baselines = useMemo(() => new Map(components.map((c) => [c.name, c.baseline])), [components]);
  const matrix = useMemo(() => buildDriftMatrix(hosts, (name) => baselines.get(name) ?? null), [hosts, baselines]);
  // Typing in a filter stays responsive: the matrix catches up in a deferred render.
  const deferredFilter = useDeferredValue(filter);
  const view = useMemo(
    () =>
      filterDriftMatrix(matrix, {
        host: deferredFilter.host,
        component: deferredFilter.component,
        onlyDrifted: deferredFilter.onlyDrifted,
        sort: deferredFilter.sort,
      }),
    [matrix, deferredFilter],
  );
  const [selected, setSelected] = useState<SelectedCell | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: view.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualRows.length > 0 ? virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0) : 0;
  const columnCount = view.columns.length + 2;

  if (matrix.columns.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No host differs from the baseline: every host matches on every component.</p>;
  }

  const selectedRow = selected ? matrix.rows.find((r) => r.hostKey === selected.hostKey) : undefined;
  const selectedItem = selected ? selectedRow?.driftByComponent.get(selected.component) : undefined;

  return (
    <div>
      <Legend />
      <p className="mb-2 text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
        Showing {view.rows.length.toLocaleString("en-US")} of {matrix.rows.length.toLocaleString("en-US")} hosts and {view.columns.length} of{" "}
        {matrix.columns.length} drifting components.
      </p>
      {view.rows.length === 0 || view.columns.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No {view.rows.length === 0 ? "host" : "drifting component"} matches the filters.
        </p>
      ) : (
        <div
          ref={scrollRef}
          className="max-h-[70vh] overflow-auto rounded-md border border-slate-200 dark:border-slate-800"
          // Focusable, so the keyboard can scroll a matrix wider or taller than the screen.
          role="region"
          aria-label="Scrollable drift matrix"
          tabIndex={0}
        >
          <table aria-label="Drift matrix" aria-rowcount={view.rows.length + 1} aria-colcount={columnCount} className="border-separate border-spacing-0 text-xs">
            <thead className="sticky top-0 z-20 bg-white dark:bg-slate-900">
              <tr aria-rowindex={1}>
                <th
                  scope="col"
                  aria-sort={filter.sort === "host" ? "ascending" : "none"}
                  className="sticky left-0 z-30 min-w-48 border-b border-r border-slate-200 bg-white px-2 text-left align-bottom dark:border-slate-800 dark:bg-slate-900"
                >
                  <SortButton isActive={filter.sort === "host"} onClick={() => onSort("host")} label="Host" hint="sort by host name" />
                </th>
                <th scope="col" aria-sort={filter.sort === "drift" ? "descending" : "none"} className="border-b border-slate-200 px-1 align-bottom dark:border-slate-800">
                  <SortButton isActive={filter.sort === "drift"} onClick={() => onSort("drift")} label="Drift" hint="sort by drift count, most first" />
                </th>
                {view.columns.map((column) => (
                  <ColumnHeader key={column.component} column={column} />
                ))}
              </tr>
            </thead>
            <tbody>
              {paddingTop > 0 && (
                <tr aria-hidden="true">
                  <td colSpan={columnCount} style={{ height: paddingTop, padding: 0 }} />
                </tr>
              )}
              {virtualRows.map((virtualRow) => {
                const row = view.rows[virtualRow.index];
                if (!row) return null;
                return (
                  <MatrixRow
                    key={row.hostKey}
                    row={row}
                    rowIndex={virtualRow.index + 2}
                    columns={view.columns}
                    environment={environment}
                    takenAt={takenAt}
                    selected={selected}
                    onSelect={setSelected}
                  />
                );
              })}
              {paddingBottom > 0 && (
                <tr aria-hidden="true">
                  <td colSpan={columnCount} style={{ height: paddingBottom, padding: 0 }} />
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {selected && selectedItem && (
        <CellDetails
          hostKey={selected.hostKey}
          item={selectedItem}
          takenAt={takenAt}
          onClose={() => setSelected(null)}
          onPin={onPin}
          onIgnore={onIgnore}
        />
      )}
    </div>
  );
}

function SortButton({ isActive, onClick, label, hint }: { isActive: boolean; onClick: () => void; label: string; hint: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      title={hint}
      className={`py-2 text-xs font-semibold uppercase tracking-wide ${isActive ? "text-slate-900 dark:text-white" : "text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200"}`}
    >
      {label}
      <span aria-hidden className="ml-0.5">
        {isActive ? (label === "Host" ? "↑" : "↓") : "↕"}
      </span>
    </button>
  );
}

function ColumnHeader({ column }: { column: DriftMatrixColumn }) {
  const title = `${column.component}: ${column.ignored ? "ignored" : `${column.driftHostCount} ${column.driftHostCount === 1 ? "host drifts" : "hosts drift"}`}; baseline ${column.baseline ?? "absent"}`;
  return (
    <th scope="col" title={title} className={`h-40 w-7 min-w-7 border-b border-slate-200 p-0 pb-1 align-bottom font-normal dark:border-slate-800 ${column.ignored ? "text-slate-400 dark:text-slate-500" : ""}`}>
      <span className="mx-auto block max-h-38 overflow-hidden whitespace-nowrap font-mono [writing-mode:vertical-rl] rotate-180">
        <span aria-hidden>{formatComponentLabel(column.component, 22)}</span>
        <span className="sr-only">{column.component}</span>
      </span>
    </th>
  );
}

interface MatrixRowProps {
  row: DriftMatrixRow;
  rowIndex: number;
  columns: readonly DriftMatrixColumn[];
  environment: string;
  takenAt: string;
  selected: SelectedCell | null;
  onSelect: (cell: SelectedCell) => void;
}

function MatrixRow({ row, rowIndex, columns, environment, takenAt, selected, onSelect }: MatrixRowProps) {
  return (
    <tr aria-rowindex={rowIndex} style={{ height: ROW_HEIGHT }} className="group">
      <th
        scope="row"
        className="sticky left-0 z-10 max-w-64 truncate border-b border-r border-slate-100 bg-white px-2 text-left font-mono font-normal group-hover:bg-slate-50 dark:border-slate-800 dark:bg-slate-900 dark:group-hover:bg-slate-800"
      >
        <Link
          href={buildHostHref(row.hostKey, environment)}
          className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
          title={row.hostKey}
        >
          {row.hostKey}
        </Link>
        {row.isSnowflake && (
          <span className="ml-1 text-snowflake dark:text-violet-400" title="snowflake">
            <span aria-hidden>❄</span>
            <span className="sr-only"> (snowflake)</span>
          </span>
        )}
      </th>
      <td className={`border-b border-slate-100 px-1 text-center tabular-nums dark:border-slate-800 ${row.driftCount > 0 ? "font-semibold text-drift" : "text-slate-400"}`}>
        {row.driftCount}
      </td>
      {columns.map((column) => (
        <MatrixCell
          key={column.component}
          row={row}
          column={column}
          takenAt={takenAt}
          isSelected={selected?.hostKey === row.hostKey && selected.component === column.component}
          onSelect={onSelect}
        />
      ))}
    </tr>
  );
}

function describeCell(hostKey: string, component: string, status: DriftCellStatus, item: DriftMatrixDriftItem | undefined, baseline: string | null, takenAt: string): string {
  if (!item) return `${component} on ${hostKey}: matches baseline ${baseline ?? "(absent)"}`;
  const age = item.since && !item.ignored ? `; ${formatDriftAge(item.since, takenAt)} (since ${formatDate(item.since)})` : "";
  return `${component} on ${hostKey}: ${CELL_STYLES[status].label} — expected ${item.expected ?? "(absent)"}, actual ${item.actual ?? "(absent)"}${age}`;
}

function MatrixCell({
  row,
  column,
  takenAt,
  isSelected,
  onSelect,
}: {
  row: DriftMatrixRow;
  column: DriftMatrixColumn;
  takenAt: string;
  isSelected: boolean;
  onSelect: (cell: SelectedCell) => void;
}) {
  const status = getDriftCellStatus(row, column.component);
  const item = row.driftByComponent.get(column.component);
  const style = CELL_STYLES[status];
  const description = describeCell(row.hostKey, column.component, status, item, column.baseline, takenAt);
  return (
    <td className="border-b border-slate-100 p-0.5 dark:border-slate-800" title={description}>
      {status === "matches" ? (
        <span className={`block h-6 w-6 rounded-sm ${style.className}`}>
          <span className="sr-only">{style.label}</span>
        </span>
      ) : (
        <button
          type="button"
          aria-label={description}
          aria-pressed={isSelected}
          onClick={() => onSelect({ hostKey: row.hostKey, component: column.component })}
          className={`block h-6 w-6 rounded-sm text-center text-sm leading-6 font-bold ${style.className} ${isSelected ? "ring-2 ring-sky-500 ring-offset-1 dark:ring-offset-slate-900" : ""}`}
        >
          <span aria-hidden>{style.symbol}</span>
        </button>
      )}
    </td>
  );
}

function Legend() {
  return (
    <ul aria-label="Legend" className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
      {(Object.keys(CELL_STYLES) as DriftCellStatus[]).map((status) => (
        <li key={status} className="inline-flex items-center gap-1.5">
          <span aria-hidden className={`inline-flex h-4 w-4 items-center justify-center rounded-sm text-[11px] font-bold ${CELL_STYLES[status].className}`}>
            {CELL_STYLES[status].symbol}
          </span>
          {CELL_STYLES[status].label}
        </li>
      ))}
      <li className="inline-flex items-center gap-1.5">
        <span aria-hidden className="text-snowflake dark:text-violet-400">❄</span> snowflake
      </li>
    </ul>
  );
}

function CellDetails({
  hostKey,
  item,
  takenAt,
  onClose,
  onPin,
  onIgnore,
}: {
  hostKey: string;
  item: DriftMatrixDriftItem;
  takenAt: string;
  onClose: () => void;
  onPin: (target: PinTarget) => void;
  onIgnore: (component: string) => void;
}) {
  return (
    <section aria-label="Selected cell" className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-800 dark:bg-slate-950">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium break-all">
            <span className="font-mono">{item.component}</span> on <span className="font-mono">{hostKey}</span>
          </p>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
            <dt className="text-slate-500">expected</dt>
            <dd className="font-mono break-all">{item.expected ?? "(absent)"}</dd>
            <dt className="text-slate-500">actual</dt>
            <dd className="font-mono break-all">{item.actual ?? "(absent)"}</dd>
            {item.since && !item.ignored && (
              <>
                <dt className="text-slate-500">onset</dt>
                <dd>
                  {formatDriftAge(item.since, takenAt)} (since the snapshot of {formatDate(item.since)})
                </dd>
              </>
            )}
            {item.ignored && (
              <>
                <dt className="text-slate-500">status</dt>
                <dd>ignored by a rule: not counted as drift</dd>
              </>
            )}
          </dl>
        </div>
        <button type="button" className={smallButtonClasses} onClick={onClose} aria-label="Close cell details">
          Close
        </button>
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        {item.actual !== null && (
          <button type="button" className={smallButtonClasses} onClick={() => onPin({ component: item.component, version: item.actual! })}>
            Pin {formatVersion(item.actual)} as baseline
          </button>
        )}
        {!item.ignored && (
          <button type="button" className={smallButtonClasses} onClick={() => onIgnore(item.component)}>
            Ignore {item.component}…
          </button>
        )}
      </div>
    </section>
  );
}
