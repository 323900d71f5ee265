import { buttonClasses } from "@/components/ui/button-link";
import { REPORT_CSV_TABLES } from "@/lib/reports/report-csv";
import type { ReportCsvTable, ReportDocument } from "@/lib/reports/schemas";
import { PrintButton } from "./print-button";

export interface ReportDownloadLinksProps {
  token: string;
  kind: ReportDocument["kind"];
}

const TABLE_LABELS: Record<ReportCsvTable, string> = {
  drift: "Download CSV",
  changes: "Download CSV",
  spread: "Version spread CSV",
  services: "Services CSV",
};

/** The report's own data, and nothing else: its CSV tables and its JSON document. */
export function ReportDownloadLinks({ token, kind }: ReportDownloadLinksProps) {
  const base = `/r/${encodeURIComponent(token)}`;
  const [first, ...others] = REPORT_CSV_TABLES[kind];
  const links = [
    ...(first ? [{ label: TABLE_LABELS[first], href: `${base}/report.csv` }] : []),
    ...others.map((table) => ({ label: TABLE_LABELS[table], href: `${base}/report.csv?table=${table}` })),
    { label: "Download JSON", href: `${base}/report.json` },
  ];
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden">
      <ul aria-label="Downloads" className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.label}>
            <a href={link.href} download className={`${buttonClasses.secondary} py-1.5`} rel="noreferrer">
              <span aria-hidden>↓</span> {link.label}
            </a>
          </li>
        ))}
      </ul>
      <PrintButton />
    </div>
  );
}
