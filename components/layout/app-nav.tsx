"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isSharedReportPath } from "@/lib/reports/paths";
import { NavLink } from "./nav-link";
import { OpenModeBanner } from "./open-mode-banner";
import { SignOutButton } from "./sign-out-button";

const LINKS = [
  { href: "/", label: "Overview" },
  { href: "/services", label: "Services" },
  { href: "/compare", label: "Compare" },
  { href: "/snapshots", label: "Snapshots" },
  { href: "/upload", label: "Upload" },
  { href: "/reports", label: "Reports" },
  { href: "/settings", label: "Settings" },
];

export interface AppNavProps {
  /** From the session (components/layout/app-header.tsx): open mode shows a banner, password mode a sign-out button. */
  access?: { mode: "open" | "password"; isSignedIn: boolean };
}

export function AppNav({ access = { mode: "open", isSignedIn: false } }: AppNavProps) {
  // A shared report (/r/{token}) is for people outside the dashboard: it shows the report and
  // nothing else, so the navigation stays out — rendered nowhere, not merely hidden. This is
  // a client component only for this check (the root layout wraps every route, and moving
  // the dashboard's pages into a route group would move everyone's files).
  const pathname = usePathname();
  if (isSharedReportPath(pathname)) return null;
  // Signed out (password mode), only the sign-in page is reachable: no links to follow.
  const canNavigate = access.mode === "open" || access.isSignedIn;
  return (
    <>
      <nav aria-label="Main" className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3 sm:px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
            <span aria-hidden className="inline-block h-5 w-5 rounded bg-gradient-to-br from-teal-500 to-rose-500" />
            Driftboard
          </Link>
          {canNavigate && (
            <ul className="flex gap-1 text-sm">
              {LINKS.map((link) => (
                <li key={link.href}>
                  <NavLink href={link.href}>{link.label}</NavLink>
                </li>
              ))}
            </ul>
          )}
          {access.mode === "password" && access.isSignedIn && (
            <div className="ml-auto">
              <SignOutButton />
            </div>
          )}
        </div>
      </nav>
      {access.mode === "open" && <OpenModeBanner />}
    </>
  );
}
