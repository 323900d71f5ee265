"use client";

import { useState } from "react";
import { smallButtonClasses } from "@/components/ui/form-controls";
import { copyText } from "./report-link-store";

export interface CopyLinkButtonProps {
  url: string;
  label?: string;
  className?: string;
}

/** Copies a report link and says so; the status is announced to screen readers. */
export function CopyLinkButton({ url, label = "Copy link", className = smallButtonClasses }: CopyLinkButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={className}
        onClick={async () => {
          setState((await copyText(url)) ? "copied" : "failed");
        }}
      >
        {label}
      </button>
      <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {state === "copied" ? "Copied" : state === "failed" ? "Select the link and copy it" : ""}
      </span>
    </span>
  );
}
