import { ImageResponse } from "next/og";
import type { Verdict } from "@/lib/analysis/classification";
import { FLEET_CHART_COLORS } from "@/lib/charts/fleet-series";
import { formatDateTime } from "@/lib/format";
import { buildReportPreview } from "@/lib/reports/preview";
import { findReportByToken } from "@/lib/reports/queries";
import { reportNotFoundResponse, SHARED_REPORT_HEADERS } from "@/lib/reports/shared-response";

export const dynamic = "force-dynamic";
export const alt = "A Driftboard drift report: its drifted hosts, snowflakes and verdicts";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

const FIGURE_COLORS: Record<string, string> = {
  "Drifted hosts": FLEET_CHART_COLORS.drift,
  Snowflakes: "#a78bfa",
  "Mutated in place": FLEET_CHART_COLORS.mutable,
  Launched: "#2dd4bf",
};

const VERDICT_COLORS: Record<Verdict, string> = {
  immutable: "#2dd4bf",
  mutable: "#fb7185",
  mixed: "#facc15",
  unknown: "#94a3b8",
};

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// GET /r/{token}/opengraph-image — the link's preview in chat tools, drawn on the server from
// the frozen document. Every value is passed as text: host names are never parsed as markup.
export default async function Image({ params }: { params: Promise<{ token: string }> }) {
  const report = await findReportByToken((await params).token);
  if (!report) return reportNotFoundResponse();
  const preview = buildReportPreview(report.document);

  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", background: "#0f172a", color: "#f8fafc", padding: "48px 56px" }}>
        <div style={{ display: "flex", alignItems: "center", fontSize: 26, color: "#94a3b8" }}>
          <div style={{ width: 28, height: 28, borderRadius: 6, marginRight: 14, backgroundImage: "linear-gradient(135deg, #14b8a6, #f43f5e)" }} />
          <span>{`Driftboard · ${preview.kindLabel}`}</span>
        </div>
        <div style={{ display: "flex", fontSize: 58, fontWeight: 700, marginTop: 22, lineHeight: 1.1 }}>{truncate(preview.title, 64)}</div>
        <div style={{ display: "flex", fontSize: 26, color: "#cbd5e1", marginTop: 14 }}>
          {truncate(`${preview.scope} · taken ${formatDateTime(preview.takenAt)}`, 90)}
        </div>
        <div style={{ display: "flex", marginTop: 34 }}>
          {preview.figures.map((figure) => (
            <div
              key={figure.label}
              style={{ display: "flex", flexDirection: "column", marginRight: 20, padding: "16px 24px", borderRadius: 14, background: "#1e293b", minWidth: 230 }}
            >
              <span style={{ fontSize: 52, fontWeight: 700, color: FIGURE_COLORS[figure.label] ?? "#f8fafc" }}>{figure.value.toLocaleString("en-US")}</span>
              <span style={{ fontSize: 22, color: "#94a3b8" }}>{figure.label}</span>
            </div>
          ))}
        </div>
        <div style={{ display: "flex", marginTop: 30, fontSize: 24 }}>
          {preview.verdicts.length > 0 && (
            <div style={{ display: "flex", flexDirection: "column", width: 420 }}>
              {preview.verdicts.map((v) => (
                <div key={v.verdict} style={{ display: "flex", alignItems: "center", marginBottom: 6 }}>
                  <div style={{ width: 14, height: 14, borderRadius: 7, background: VERDICT_COLORS[v.verdict], marginRight: 12 }} />
                  <span>{`${v.count} ${v.verdict}`}</span>
                </div>
              ))}
            </div>
          )}
          {preview.hosts.length > 0 && (
            <div style={{ display: "flex", flexDirection: "column", flexGrow: 1 }}>
              {preview.hosts.map((host) => (
                <div key={host.hostKey} style={{ display: "flex", marginBottom: 6 }}>
                  <span style={{ fontFamily: "monospace", color: "#f8fafc" }}>{truncate(host.hostKey, 34)}</span>
                  <span style={{ color: "#94a3b8", marginLeft: 12 }}>{truncate(host.note, 40)}</span>
                </div>
              ))}
            </div>
          )}
        </div>
      </div>
    ),
    { ...size, headers: SHARED_REPORT_HEADERS },
  );
}
