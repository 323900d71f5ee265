"use client";

import { useId } from "react";
import { inputClasses, labelClasses } from "@/components/ui/form-controls";
import type { ServiceRole } from "@/lib/analysis/classification/detect-role";
import { RoleBadge } from "./role-badge";
import { useUpdateServiceSettings } from "./use-service-mutations";

export interface RolePanelProps {
  service: string;
  environment: string;
  role: ServiceRole;
  isRoleOverridden: boolean;
}

const ROLE_TEXT: Record<ServiceRole, string> = {
  stateful: "Holds data (database, cache, queue, storage): expected to be mutable, since its data must persist.",
  stateless: "Only computes: it can run immutable, replaced from images. If it changes in place, it is a migration candidate.",
};

/** The service's role, detected or set by a user, and the control to override it. */
export function RolePanel({ service, environment, role, isRoleOverridden }: RolePanelProps) {
  const mutation = useUpdateServiceSettings(service);
  const selectId = useId();
  return (
    <div>
      <h3 className="text-sm font-semibold">Role</h3>
      <p className="mt-1 flex items-center gap-2 text-sm">
        <RoleBadge role={role} />
        <span className="text-slate-600 dark:text-slate-400">{isRoleOverridden ? "set by a user" : "detected from the hosts"}</span>
      </p>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{ROLE_TEXT[role]}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor={selectId} className={labelClasses}>
          Role override
        </label>
        <select
          id={selectId}
          className={inputClasses}
          value={isRoleOverridden ? role : "detect"}
          disabled={mutation.isPending}
          onChange={(e) => {
            const value = e.target.value;
            mutation.mutate({ environment, role: value === "stateful" || value === "stateless" ? value : null });
          }}
        >
          <option value="detect">Detect automatically</option>
          <option value="stateless">stateless</option>
          <option value="stateful">stateful</option>
        </select>
        {mutation.isPending && <span role="status" className="text-xs text-slate-500">Saving…</span>}
      </div>
      {mutation.isError && (
        <p role="alert" className="mt-1 text-sm text-rose-600 dark:text-rose-400">
          Could not save the role: {mutation.error.message}
        </p>
      )}
    </div>
  );
}
