"use client";

import { useId } from "react";
import type { BaselineSource } from "@/lib/analysis/baseline";

const OPTIONS: ReadonlyArray<{ value: BaselineSource; label: string; description: string }> = [
  { value: "majority", label: "Majority", description: "the version most hosts run" },
  { value: "declared", label: "Declared", description: "pinned golden versions, else the majority" },
  { value: "previous", label: "Previous", description: "what the hosts ran in the previous snapshot" },
];

export interface BaselineSwitcherProps {
  value: BaselineSource;
  onChange: (source: BaselineSource) => void;
  disabled?: boolean;
}

/** A radio group labelled "Baseline": what drift is measured against. */
export function BaselineSwitcher({ value, onChange, disabled = false }: BaselineSwitcherProps) {
  const labelId = useId();
  const name = useId();
  return (
    <div role="radiogroup" aria-labelledby={labelId} className="flex flex-wrap items-center gap-2">
      <span id={labelId} className="text-sm font-medium">
        Baseline
      </span>
      {OPTIONS.map((option) => (
        <label
          key={option.value}
          title={option.description}
          className="inline-flex cursor-pointer items-center gap-1.5 rounded-full border border-slate-300 px-3 py-1 text-sm has-[:checked]:border-slate-900 has-[:checked]:bg-slate-900 has-[:checked]:text-white dark:border-slate-700 dark:has-[:checked]:border-white dark:has-[:checked]:bg-white dark:has-[:checked]:text-slate-900"
        >
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            disabled={disabled}
            onChange={() => onChange(option.value)}
            className="h-3.5 w-3.5 accent-current"
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}
