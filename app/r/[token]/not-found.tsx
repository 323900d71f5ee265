import { ReportUnavailable } from "@/components/reports/report-unavailable";

// A link that stops working between proxy.ts's check and the page's own lookup lands here.
export default function SharedReportNotFound() {
  return <ReportUnavailable />;
}
