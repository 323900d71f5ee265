import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SharedReportView } from "@/components/reports/shared-report-view";
import { buildReportPreview } from "@/lib/reports/preview";
import { resolveRequestOrigin } from "@/lib/reports/origin";
import { findReportByToken } from "@/lib/reports/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

// Metadata and page share one lookup per request, so one visit counts as one view. (proxy.ts
// has already answered 404 for a link that does not work; notFound() covers a link revoked since.)
const loadReport = cache((token: string) => findReportByToken(token, { recordView: true }));

const PRIVATE_METADATA: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const report = await loadReport((await params).token);
  // The preview image's address must be absolute, on the host the reader used.
  const origin = resolveRequestOrigin(await headers());
  const base: Metadata = { ...PRIVATE_METADATA, ...(origin && { metadataBase: new URL(origin) }) };
  if (!report) return { ...base, title: "Report not available" };
  const preview = buildReportPreview(report.document);
  return {
    ...base,
    title: report.title,
    description: preview.description,
    openGraph: { title: report.title, description: preview.description, type: "article", siteName: "Driftboard" },
    twitter: { card: "summary_large_image", title: report.title, description: preview.description },
  };
}

// GET /r/{token} — a shared drift report, read-only, no sign-in; a link that does not work is a 404
export default async function SharedReportPage({ params }: Props) {
  const { token } = await params;
  const report = await loadReport(token);
  if (!report) notFound();
  return <SharedReportView report={report} token={token} />;
}
