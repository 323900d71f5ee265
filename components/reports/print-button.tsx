"use client";

import { smallButtonClasses } from "@/components/ui/form-controls";

/** Opens the browser's print dialog; the report's print stylesheet leaves the buttons out. */
export function PrintButton() {
  return (
    <button type="button" className={`${smallButtonClasses} py-1.5 text-sm print:hidden`} onClick={() => window.print()}>
      Print
    </button>
  );
}
