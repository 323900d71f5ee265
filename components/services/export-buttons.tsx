import { buttonClasses } from "@/components/ui/button-link";
import { buildServiceExportHref, type ServiceViewParams } from "@/lib/analysis/service-view";

export interface ExportButtonsProps {
  service: string;
  /** The view in effect: data parameters and filters, so a download matches the screen. */
  params: Partial<ServiceViewParams>;
}

/** Download links (CSV drift, CSV spread, JSON) carrying the filters in effect. */
export function ExportButtons({ service, params }: ExportButtonsProps) {
  const links = [
    { label: "Export drift CSV", href: buildServiceExportHref(service, params, { format: "csv", table: "drift" }) },
    { label: "Export spread CSV", href: buildServiceExportHref(service, params, { format: "csv", table: "spread" }) },
    { label: "Export JSON", href: buildServiceExportHref(service, params, { format: "json" }) },
  ];
  return (
    <ul aria-label="Export" className="flex flex-wrap gap-2">
      {links.map((link) => (
        <li key={link.label}>
          <a href={link.href} download className={`${buttonClasses.secondary} py-1.5 text-xs`}>
            <span aria-hidden>↓</span> {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
