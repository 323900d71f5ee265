"use client";

import { buttonClasses } from "@/components/ui/button-link";
import { Dialog } from "@/components/ui/dialog";
import { formatVersion } from "@/lib/analysis/format-display";
import { useUpdateBaseline } from "./use-service-mutations";

export interface PinTarget {
  component: string;
  version: string;
  /** Hosts running that version, for the explanation. */
  hostCount?: number;
}

export interface PinVersionDialogProps {
  service: string;
  environment: string;
  target: PinTarget | null;
  onClose: () => void;
  /** Called once the pin is saved (the page switches to the declared baseline). */
  onPinned: () => void;
}

/** Confirms pinning one component at one version as the service's golden version. */
export function PinVersionDialog({ service, environment, target, onClose, onPinned }: PinVersionDialogProps) {
  const mutation = useUpdateBaseline(service);
  return (
    <Dialog
      open={target !== null}
      onClose={() => {
        mutation.reset();
        onClose();
      }}
      title={target ? `Pin ${target.component} at ${formatVersion(target.version)}?` : "Pin a version"}
      description="The pinned version becomes the expected one for every host of this service: hosts running anything else drift. Pinning switches the service to the declared baseline."
    >
      {target && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate(
              { environment, source: "declared", pins: { [target.component]: target.version } },
              {
                onSuccess: () => {
                  onPinned();
                  onClose();
                },
              },
            );
          }}
        >
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-500">Component</dt>
            <dd className="break-all font-mono">{target.component}</dd>
            <dt className="text-slate-500">Version</dt>
            <dd className="break-all font-mono">{target.version}</dd>
            {target.hostCount !== undefined && (
              <>
                <dt className="text-slate-500">Runs on</dt>
                <dd>
                  {target.hostCount} {target.hostCount === 1 ? "host" : "hosts"}
                </dd>
              </>
            )}
          </dl>
          {mutation.isError && (
            <p role="alert" className="mt-3 text-sm text-rose-600 dark:text-rose-400">
              Could not pin: {mutation.error.message}
            </p>
          )}
          <div className="mt-5 flex justify-end gap-2">
            <button type="button" className={buttonClasses.secondary} onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className={buttonClasses.primary} disabled={mutation.isPending}>
              {mutation.isPending ? "Pinning…" : "Pin version"}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
