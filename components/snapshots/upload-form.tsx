"use client";

import Link from "next/link";
import { useRef, useState, type DragEvent, type FormEvent } from "react";
import { buttonClasses } from "@/components/ui/button-link";
import { formatCount, listNames } from "@/lib/format";
import { FORMAT_IDS } from "@/lib/importers/types";
import { interpretUploadResponse, type UploadOutcome } from "@/lib/snapshots/upload-client";

type Phase = { kind: "idle" } | { kind: "uploading"; loaded: number; total: number } | { kind: "processing" } | { kind: "done"; outcome: UploadOutcome };

/**
 * Drag-and-drop upload with a real progress bar. XMLHttpRequest rather than fetch because
 * only XHR reports upload progress in browsers today.
 */
export function UploadForm() {
  const [files, setFiles] = useState<File[]>([]);
  const [isDragging, setIsDragging] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const inputRef = useRef<HTMLInputElement>(null);
  const isBusy = phase.kind === "uploading" || phase.kind === "processing";

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsDragging(false);
    if (event.dataTransfer.files.length > 0) chooseFiles([...event.dataTransfer.files]);
  }

  function chooseFiles(chosen: File[]) {
    setFiles(chosen);
    setPhase({ kind: "idle" });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (files.length === 0 || isBusy) return;
    const form = new FormData(event.currentTarget);
    form.delete("file");
    for (const file of files) form.append("file", file, file.name);

    const request = new XMLHttpRequest();
    request.open("POST", "/api/snapshots");
    request.upload.onprogress = (e) => setPhase({ kind: "uploading", loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    request.upload.onload = () => setPhase({ kind: "processing" });
    request.onload = () => setPhase({ kind: "done", outcome: interpretUploadResponse(request.status, request.responseText) });
    request.onerror = () =>
      setPhase({ kind: "done", outcome: { ok: false, error: { status: 0, message: "The server could not be reached. Check your connection and try again." } } });
    setPhase({ kind: "uploading", loaded: 0, total: files.reduce((sum, f) => sum + f.size, 0) });
    request.send(form);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-describedby="upload-help">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={onDrop}
        data-dragging={isDragging}
        className="rounded-lg border-2 border-dashed border-slate-300 bg-white p-8 text-center data-[dragging=true]:border-sky-500 data-[dragging=true]:bg-sky-50 dark:border-slate-700 dark:bg-slate-900 dark:data-[dragging=true]:bg-sky-950"
      >
        <p className="font-medium">Drop inventory files here</p>
        <p id="upload-help" className="mt-1 text-sm text-slate-500">
          What your tools already print — Ansible facts, knife, facter, kubectl, docker inspect, terraform show, Packer manifests, describe-instances,
          osquery, SBOMs — or canonical JSON, NDJSON or CSV (see the <a className="underline" href="/schema/snapshot-v1.json">schema</a>). Several
          files, or a .tar.gz/.zip of a fact cache, become one snapshot.
        </p>
        <label className={`${buttonClasses.secondary} mt-4 cursor-pointer`}>
          Choose files
          <input
            ref={inputRef}
            type="file"
            name="file"
            multiple
            className="sr-only"
            onChange={(e) => chooseFiles([...(e.target.files ?? [])])}
          />
        </label>
        {files.length > 0 && (
          <ul aria-label="Chosen files" className="mt-4 text-sm">
            {files.map((file) => (
              <li key={file.name + file.size} className="font-mono">
                {file.name} <span className="text-slate-500">({formatBytes(file.size)})</span>
              </li>
            ))}
          </ul>
        )}
      </div>

      <label className="flex max-w-xs flex-col gap-1 text-sm">
        Format
        <select name="format" defaultValue="" className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900">
          <option value="">Detect automatically</option>
          {["json", "ndjson", "csv", ...FORMAT_IDS].map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>

      <fieldset className="grid gap-4 sm:grid-cols-4">
        <legend className="mb-2 text-sm font-medium">Where the data names none (optional)</legend>
        <TextField name="environment" label="Environment" placeholder="production" />
        <TextField name="service" label="Service" placeholder="billing" />
        <TextField name="host" label="Host" placeholder="pg-prod-01" />
        <TextField name="takenAt" label="Taken at (ISO 8601)" placeholder="2026-03-01T12:00:00Z" />
      </fieldset>

      <button type="submit" className={buttonClasses.primary} disabled={files.length === 0 || isBusy}>
        {isBusy ? "Uploading…" : "Upload snapshot"}
      </button>

      <UploadStatus phase={phase} />
    </form>
  );
}

function TextField({ name, label, placeholder }: { name: string; label: string; placeholder: string }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <input
        name={name}
        placeholder={placeholder}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
      />
    </label>
  );
}

function UploadStatus({ phase }: { phase: Phase }) {
  if (phase.kind === "idle") return null;
  if (phase.kind === "uploading" || phase.kind === "processing") {
    const percent = phase.kind === "processing" ? 100 : phase.total ? Math.round((phase.loaded / phase.total) * 100) : 0;
    return (
      <div aria-live="polite">
        <progress
          className="h-2 w-full overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-sky-500"
          max={100}
          value={percent}
          aria-label="Upload progress"
        />
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {phase.kind === "processing" ? "Uploaded; analysing and storing the snapshot…" : `Uploading… ${percent}%`}
        </p>
      </div>
    );
  }
  const { outcome } = phase;
  if (!outcome.ok) {
    const { error } = outcome;
    return (
      <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
        <p className="font-semibold">The snapshot was not stored{error.status ? ` (HTTP ${error.status})` : ""}.</p>
        <p className="mt-1 font-mono">{error.message}</p>
        {(error.path || error.line || error.file) && (
          <p className="mt-1">
            {error.file && <>File {error.file}. </>}
            {error.line !== undefined && <>Line {error.line}. </>}
            {error.path && <>JSON path {error.path}.</>}
          </p>
        )}
        <p className="mt-2 text-rose-800 dark:text-rose-200">Nothing was saved. Fix the file and upload it again.</p>
      </div>
    );
  }
  const { result } = outcome;
  return (
    <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
      <p className="font-semibold">{result.created ? "Snapshot stored." : "This content was uploaded before; nothing new was stored."}</p>
      <p className="mt-1">
        {formatCount(result.hostCount, "host")} in {formatCount(result.services.length, "service")} ({listNames(result.services, 10)}), format{" "}
        <span className="font-mono">{result.format}</span>.
        {result.skipped.length > 0 && <> Skipped {formatCount(result.skipped.length, "host")} not in the running fleet.</>}
      </p>
      <Link href={`/snapshots/${result.id}`} className="mt-2 inline-block font-medium underline">
        Open the snapshot
      </Link>
    </div>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
