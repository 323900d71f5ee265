import type { Metadata } from "next";
import { ReportUnavailable } from "@/components/reports/report-unavailable";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Report not available", robots: { index: false, follow: false }, referrer: "no-referrer" };

// proxy.ts rewrites /r/{token} here with status 404 when the link is unknown, revoked or expired
export default function ReportUnavailablePage() {
  return <ReportUnavailable />;
}
