import type { Metadata } from "next";
import { UploadForm } from "@/components/snapshots/upload-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Upload" };

export default function UploadPage() {
  return (
    <>
      <PageHeader
        title="Upload a snapshot"
        description="An upload is all or nothing: a file with an error is rejected with the line or JSON path, and the same content twice is one snapshot."
      />
      <UploadForm />
      <section className="mt-10 text-sm text-slate-600 dark:text-slate-400">
        <h2 className="mb-2 font-semibold text-slate-800 dark:text-slate-200">From a script or CI job</h2>
        <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-xs dark:bg-slate-800">
          <code>{`curl --data-binary @snapshot.json http://localhost:3000/api/snapshots
curl -F file=@hosts.csv -F environment=prod http://localhost:3000/api/snapshots`}</code>
        </pre>
      </section>
    </>
  );
}
