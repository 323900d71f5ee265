"use client";

import { buttonClasses } from "@/components/ui/button-link";

/** Opens the browser's print dialog; the report's print stylesheet leaves the buttons out. */
export function PrintButton() {
  return (
    <button type="button" className={`${buttonClasses.secondary} py-1.5 print:hidden`} onClick={() => window.print()}>
      Print
    </button>
  );
}
