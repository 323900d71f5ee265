import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadDemoButton } from "./load-demo-button";

/** What an empty dashboard shows: how to send a first snapshot, or a demo fleet to explore. */
export function FirstUploadHelp() {
  return (
    <EmptyState
      title="No snapshots yet"
      actions={
        <>
          <ButtonLink href="/upload" variant="primary">
            Upload a snapshot
          </ButtonLink>
          <LoadDemoButton />
        </>
      }
    >
      <p>
        Driftboard compares the hosts of each service to find drift, version spread and whether the service runs mutable or immutable.
        Upload an inventory snapshot in the browser, or from a script or CI job:
      </p>
      <pre className="mt-3 overflow-x-auto rounded bg-slate-100 p-3 text-left text-xs dark:bg-slate-800">
        <code>curl --data-binary @snapshot.json http://localhost:3000/api/snapshots</code>
      </pre>
      <p className="mt-3">
        The format is documented by its <a className="underline" href="/schema/snapshot-v1.json">JSON Schema</a>; see an{" "}
        <a className="underline" href="/examples/snapshot.json">example snapshot</a>.
      </p>
    </EmptyState>
  );
}
