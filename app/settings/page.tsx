import type { Metadata } from "next";
import { ApiTokenForm } from "@/components/settings/api-token-form";
import { ApiTokenTable } from "@/components/settings/api-token-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listApiTokens } from "@/lib/auth/queries";
import { getViewer } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const [viewer, tokens] = await Promise.all([getViewer(), listApiTokens()]);
  return (
    <>
      <PageHeader title="Settings" description="Access to this Driftboard: sign-in and API tokens for scripts and CI." />
      <div className="space-y-6">
        <Card title="Access">
          {viewer.mode === "open" ? (
            <p className="text-sm">
              Open mode: no admin password is set, so anyone who can reach this server can read and change it. Set{" "}
              <code>DRIFTBOARD_ADMIN_PASSWORD</code> (or <code>DRIFTBOARD_ADMIN_PASSWORD_HASH</code>) and restart to require sign-in.
            </p>
          ) : (
            <p className="text-sm">
              Sign-in required. A session lasts {viewer.sessionHours} hours (<code>DRIFTBOARD_SESSION_HOURS</code>)
              {viewer.sessionExpiresAt ? `; yours ends ${formatDateTime(viewer.sessionExpiresAt)}.` : "."}
            </p>
          )}
        </Card>
        <Card title="API tokens">
          <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
            Send a token as <code>Authorization: Bearer &lt;token&gt;</code>. A <strong>read</strong> token reads the API; an{" "}
            <strong>upload</strong> token also uploads snapshots (<code>POST /api/snapshots</code>). Anything else that changes data
            needs a signed-in person. A token is shown once, when it is created.
          </p>
          <ApiTokenForm />
          <div className="mt-6">
            <ApiTokenTable tokens={tokens} />
          </div>
        </Card>
      </div>
    </>
  );
}
