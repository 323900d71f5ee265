"use client";

import { useId } from "react";
import { inputClasses, labelClasses } from "@/components/ui/form-controls";
import type { DriftMatrixSort } from "@/lib/analysis/drift-matrix";
import type { DriftMatrixFilterState } from "./drift-matrix";

export interface DriftMatrixFiltersProps {
  filter: DriftMatrixFilterState;
  onChange: (patch: Partial<DriftMatrixFilterState>) => void;
}

/** Host and component substrings, "only drifted" and the sort: all kept in the URL by the caller. */
export function DriftMatrixFilters({ filter, onChange }: DriftMatrixFiltersProps) {
  const hostId = useId();
  const componentId = useId();
  const driftedId = useId();
  const sortId = useId();
  return (
    <div role="search" aria-label="Filter the drift matrix" className="mb-3 flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={hostId} className={labelClasses}>
          Filter hosts
        </label>
        <input
          id={hostId}
          type="search"
          className={inputClasses}
          placeholder="host name contains…"
          value={filter.host}
          onChange={(e) => onChange({ host: e.target.value })}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={componentId} className={labelClasses}>
          Filter components
        </label>
        <input
          id={componentId}
          type="search"
          className={inputClasses}
          placeholder="component contains…"
          value={filter.component}
          onChange={(e) => onChange({ component: e.target.value })}
        />
      </div>
      <div className="flex items-center gap-2 pb-1.5">
        <input id={driftedId} type="checkbox" className="h-4 w-4" checked={filter.onlyDrifted} onChange={(e) => onChange({ onlyDrifted: e.target.checked })} />
        <label htmlFor={driftedId} className={labelClasses}>
          Only drifted hosts
        </label>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={sortId} className={labelClasses}>
          Sort hosts
        </label>
        <select id={sortId} className={inputClasses} value={filter.sort} onChange={(e) => onChange({ sort: e.target.value as DriftMatrixSort })}>
          <option value="host">by host name</option>
          <option value="drift">by drift count</option>
        </select>
      </div>
    </div>
  );
}
